using System.Text;
using Census.Exchange.Imports;

namespace Census.Domain.Tests.Exchange;

public sealed class CsvImportTests
{
    private static readonly string[] IdAndTitle = ["datasetId", "title"];

    [Fact]
    public void A_CP949_file_without_a_charset_is_detected_and_read_as_CP949()
    {
        var file = ImportFiles.Csv(["데이터셋 ID", "데이터셋명"], [["road-cctv", "도로 CCTV 영상, 서울"]], ImportFiles.Cp949);

        var entry = Assert.Single(ImportFiles.Read(file, ImportFormat.Csv));

        Assert.Equal("도로 CCTV 영상, 서울", entry.Record!.Title);
    }

    [Theory]
    [InlineData("cp949")]
    [InlineData("EUC-KR")]
    [InlineData("ks_c_5601-1987")]
    public void A_CP949_file_is_read_with_its_charset_named(string charset)
    {
        var file = ImportFiles.Csv(IdAndTitle, [["road-cctv", "도로 영상"]], ImportFiles.Cp949);

        Assert.Equal("도로 영상", Assert.Single(ImportFiles.Read(file, ImportFormat.Csv, charset)).Record!.Title);
    }

    [Fact]
    public void A_CP949_file_sent_as_UTF_8_is_refused_rather_than_read_as_mojibake()
    {
        var file = ImportFiles.Csv(IdAndTitle, [["road-cctv", "도로 영상"]], ImportFiles.Cp949);

        var problem = ImportFiles.FileProblem(file, ImportFormat.Csv, "utf-8");

        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("byte ", problem.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_valid_in_neither_charset_is_refused_naming_the_row()
    {
        // 0x81 opens a CP949 pair that a space cannot close; nor is it UTF-8.
        var bytes = Encoding.ASCII.GetBytes("datasetId,title\r\nroad-cctv,ab").Concat(new byte[] { 0x81, 0x20 }).ToArray();

        var problem = ImportFiles.FileProblem(new MemoryStream(bytes), ImportFormat.Csv);

        Assert.Contains("not valid CP949", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_charset_is_a_problem_of_the_request()
    {
        var problem = ImportFiles.FileProblem(ImportFiles.Csv(IdAndTitle, []), ImportFormat.Csv, "klingon");

        Assert.Equal("Content-Type", problem.Where);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void UTF_8_is_read_with_or_without_a_byte_order_mark(bool bom)
    {
        var file = ImportFiles.Csv(IdAndTitle, [["road-cctv", "도로 영상"]], new UTF8Encoding(bom));
        if (bom)
        {
            var bytes = Encoding.UTF8.GetPreamble().Concat(file.ToArray()).ToArray();
            file = new MemoryStream(bytes);
        }

        var entry = Assert.Single(ImportFiles.Read(file, ImportFormat.Csv));

        Assert.Equal(("road-cctv", "도로 영상"), (entry.DatasetId, entry.Record!.Title));
    }

    [Fact]
    public void A_body_that_cannot_seek_is_read_the_same()
    {
        var file = ImportFiles.Csv(IdAndTitle, [["road-cctv", "도로 영상"]], ImportFiles.Cp949);

        var entry = Assert.Single(ImportFiles.Read(new NonSeekableStream(file), ImportFormat.Csv));

        Assert.Equal("도로 영상", entry.Record!.Title);
    }

    [Fact]
    public void Rows_are_numbered_as_the_spreadsheet_numbers_them_even_across_quoted_line_breaks_and_blank_rows()
    {
        var text = "datasetId,title\r\nfirst-row,\"two\r\nlines\"\r\n,\r\nthird-row,x\r\n";

        var entries = ImportFiles.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), ImportFormat.Csv);

        Assert.Equal([(2, "first-row"), (4, "third-row")], entries.Select(e => (e.Row, e.DatasetId!)));
        Assert.Equal("two\r\nlines", entries[0].Record!.Title);
    }

    [Fact]
    public void A_cell_over_32767_characters_is_a_problem_of_the_file_naming_the_cell()
    {
        var file = ImportFiles.Csv(["datasetId", "title", "description"], [["road-cctv", "t", new string('가', 40_000)]]);

        var problem = ImportFiles.FileProblem(file, ImportFormat.Csv);

        Assert.Equal("C2", problem.Where);
        Assert.Contains("40000 characters", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_50001_rows_is_refused_at_the_row_past_the_limit()
    {
        var text = new StringBuilder("datasetId,title\r\n");
        for (var i = 0; i < 50_001; i++)
        {
            text.Append("d-").Append(i).Append(",t\r\n");
        }

        var problem = ImportFiles.FileProblem(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), ImportFormat.Csv);

        Assert.Equal("row 50002", problem.Where);
        Assert.Contains("more than 50000 rows", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_that_never_closes_is_a_problem_of_the_file()
    {
        var text = "datasetId,title\r\nroad-cctv,\"unclosed\r\nnext,row\r\n";

        var problem = ImportFiles.FileProblem(new MemoryStream(Encoding.UTF8.GetBytes(text)), ImportFormat.Csv);

        Assert.StartsWith("row ", problem.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("row 1", ImportFiles.FileProblem(new MemoryStream(), ImportFormat.Csv).Where);
    }

    [Fact]
    public void A_value_in_a_column_without_a_header_is_an_error_of_the_row()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.Csv(["datasetId", "title", ""], [["road-cctv", "t", "stray"]]), ImportFormat.Csv));

        Assert.Contains(entry.Errors, e => e.Message.Contains("C2", StringComparison.Ordinal));
    }

    [Fact]
    public void The_apostrophe_an_export_puts_before_a_formula_like_text_is_taken_off()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.Csv(IdAndTitle, [["road-cctv", "'=SUM(A1)"]]), ImportFormat.Csv));

        Assert.Equal("=SUM(A1)", entry.Record!.Title);
    }

    [Fact]
    public void A_UTF_16_file_named_by_its_charset_is_read_and_its_byte_order_mark_is_no_part_of_the_first_header()
    {
        var file = ImportFiles.Csv(IdAndTitle, [["road-cctv", "도로 영상"]], new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var bytes = Encoding.Unicode.GetPreamble().Concat(file.ToArray()).ToArray();

        var entry = Assert.Single(ImportFiles.Read(new MemoryStream(bytes), ImportFormat.Csv, "utf-16"));

        Assert.Equal(("road-cctv", "도로 영상"), (entry.DatasetId, entry.Record!.Title));
    }
}
