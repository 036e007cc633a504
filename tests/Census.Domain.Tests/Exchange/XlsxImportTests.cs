using System.Text;
using Census.Contracts.Surveys;
using Census.Exchange.Imports;
using static Census.Domain.Tests.Exchange.XlsxFiles;

namespace Census.Domain.Tests.Exchange;

public sealed class XlsxImportTests
{
    [Fact]
    public void A_file_that_is_not_a_zip_is_not_a_spreadsheet()
    {
        var problem = ImportFiles.FileProblem(new MemoryStream(Encoding.UTF8.GetBytes("datasetId,title\r\n")), ImportFormat.Xlsx);

        Assert.Contains("not a spreadsheet", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compound_file_is_refused_as_encrypted_or_legacy()
    {
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var problem = ImportFiles.FileProblem(new MemoryStream(header), ImportFormat.Xlsx);

        Assert.Contains("encrypted", problem.Message, StringComparison.Ordinal);
        Assert.Contains(".xls", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_is_no_workbook_is_not_a_spreadsheet()
    {
        var problem = ImportFiles.FileProblem(Bomb(10), ImportFormat.Xlsx);

        Assert.Contains("not a spreadsheet", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_unpacks_past_the_limit_is_refused_as_a_zip_bomb()
    {
        var bomb = Bomb(2 * 1024 * 1024);
        Assert.True(bomb.Length < 64 * 1024, "the bomb is small on disk");

        var problem = ImportFiles.FileProblem(bomb, ImportFormat.Xlsx, options: new ImportReaderOptions { MaxUnpackedBytes = 1024 * 1024 });

        Assert.Contains("zip bomb", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_inflates_no_zip_entry_past_the_size_its_directory_declares()
    {
        // The reader's zip-bomb check sums declared sizes; this is what makes that sum bind what is inflated.
        using var zip = new System.IO.Compression.ZipArchive(Lying(2 * 1024 * 1024, claimed: 100));
        using var entry = zip.Entries[0].Open();

        var inflated = 0L;
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = entry.Read(chunk)) > 0)
        {
            inflated += read;
        }

        Assert.Equal(100, inflated);
    }

    [Fact]
    public void A_zip_that_understates_its_size_is_refused_as_a_problem_of_the_file()
    {
        var problem = ImportFiles.FileProblem(Lying(2 * 1024 * 1024, claimed: 100), ImportFormat.Xlsx, options: new ImportReaderOptions { MaxUnpackedBytes = 1024 * 1024 });

        Assert.Contains("not a spreadsheet", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_unpacked_limit_is_256_MiB()
    {
        Assert.Equal(256L * 1024 * 1024, ImportReaderOptions.Default.MaxUnpackedBytes);
    }

    [Fact]
    public void Rows_come_from_the_first_sheet_with_inline_and_shared_strings_numbers_and_date_serials()
    {
        var file = Workbook(
        [
            Header("datasetId", "title", "volume.records", "coverage.from", "description"),
            Row(2, Text("A2", "road-cctv"), Shared("B2", 0), Number("C2", "1200"), Number("D2", "45292"), Shared("E2", 1)),
        ], ["도로 CCTV", "설명, \"따옴표\"\n줄바꿈"]);

        var entry = Assert.Single(ImportFiles.Read(file, ImportFormat.Xlsx));

        Assert.Equal(2, entry.Row);
        Assert.Equal("도로 CCTV", entry.Record!.Title);
        Assert.Equal(1200, entry.Record.Volume!.Records);
        Assert.Equal(new DateOnly(2024, 1, 1), entry.Record.Coverage!.From);
        Assert.Equal("설명, \"따옴표\"\n줄바꿈", entry.Record.Description);
    }

    [Fact]
    public void A_formula_with_a_cached_value_is_read_as_that_value()
    {
        var file = Workbook([Header("datasetId", "title"), Row(2, Text("A2", "road-cctv"), Formula("B2", "CONCAT(\"도로\",\" CCTV\")", "도로 CCTV"))]);

        Assert.Equal("도로 CCTV", Assert.Single(ImportFiles.Read(file, ImportFormat.Xlsx)).Record!.Title);
    }

    [Fact]
    public void A_formula_without_a_cached_value_is_an_error_of_that_cell()
    {
        var file = Workbook([Header("datasetId", "title"), Row(2, Text("A2", "road-cctv"), Formula("B2", "A2&\"!\"", null))]);

        var entry = Assert.Single(ImportFiles.Read(file, ImportFormat.Xlsx));

        var error = Assert.Single(entry.Errors, e => e.Path == "record.title");
        Assert.Contains("B2", error.Message, StringComparison.Ordinal);
        Assert.Contains("formula", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.Errors, e => e.Path == "record.title" && e.Message == "is required.");
    }

    [Fact]
    public void A_cell_over_32767_characters_is_a_problem_of_the_file_naming_the_cell()
    {
        var file = Workbook([Header("datasetId", "title", "description"), Row(2, Text("A2", "road-cctv"), Text("B2", "t"), Text("C2", new string('가', 40_000)))]);

        var problem = ImportFiles.FileProblem(file, ImportFormat.Xlsx);

        Assert.Equal("C2", problem.Where);
    }

    [Fact]
    public void An_unknown_column_is_a_problem_of_the_file_naming_its_header_cell()
    {
        var file = Workbook([Header("datasetId", "title", "colour")]);

        Assert.Equal("C1", ImportFiles.FileProblem(file, ImportFormat.Xlsx).Where);
    }

    [Fact]
    public void A_sheet_of_50001_rows_is_refused()
    {
        var rows = new List<DocumentFormat.OpenXml.Spreadsheet.Row> { Header("datasetId", "title") };
        for (uint r = 2; r <= 50_002; r++)
        {
            rows.Add(Row(r, Text($"A{r}", $"d-{r}"), Text($"B{r}", "t")));
        }

        var problem = ImportFiles.FileProblem(Workbook(rows), ImportFormat.Xlsx);

        Assert.Equal("row 50002", problem.Where);
    }

    [Fact]
    public void A_body_that_cannot_seek_is_buffered_and_read()
    {
        var file = Workbook([Header("datasetId", "title"), Row(2, Text("A2", "road-cctv"), Text("B2", "도로"))]);

        Assert.Equal("도로", Assert.Single(ImportFiles.Read(new NonSeekableStream(file), ImportFormat.Xlsx)).Record!.Title);
    }

    [Fact]
    public void Blank_rows_are_skipped_and_rows_keep_their_sheet_numbers()
    {
        var file = Workbook(
        [
            Header("datasetId", "title"),
            Row(3, Text("A3", "first")),
            Row(4),
            Row(7, Text("A7", "second-one"), Text("B7", "t")),
        ]);

        Assert.Equal([3, 7], ImportFiles.Read(file, ImportFormat.Xlsx).Select(e => e.Row));
    }

    [Fact]
    public void A_number_a_spreadsheet_stored_with_binary_noise_is_read_as_the_decimal_meant()
    {
        var file = Workbook(
        [
            Header("datasetId", "title", "quality.errorRate"),
            Row(2, Text("A2", "road-cctv"), Text("B2", "t"), Number("C2", "0.10000000000000001")),
        ]);

        Assert.Equal(0.1m, Assert.Single(ImportFiles.Read(file, ImportFormat.Xlsx)).Record!.Quality!.ErrorRate);
    }

    [Fact]
    public void The_template_s_own_full_row_is_a_valid_record()
    {
        var file = Workbook([FullHeader(), RecordRow(2, ImportFiles.Row("road-cctv", SurveyRecords.Valid()))]);

        var entry = Assert.Single(ImportFiles.Read(file, ImportFormat.Xlsx));

        Assert.Empty(entry.Errors);
        Assert.Equal(ImportFiles.Canonical(SurveyRecords.Valid()), ImportFiles.Canonical(entry.Record));
        Assert.Equal(Modality.TimeSeries, entry.Record!.Modality);
    }
}
