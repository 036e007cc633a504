using Census.Exchange.Imports;
using Census.Exchange.Template;

namespace Census.Domain.Tests.Exchange;

/// <summary>Whatever bytes arrive, a reader yields rows or a problem of the file: nothing else may escape to become a 500.</summary>
public sealed class DamagedFileTests
{
    [Theory]
    [InlineData(ImportFormat.Xlsx)]
    [InlineData(ImportFormat.Csv)]
    public async Task A_damaged_export_reads_as_rows_or_a_problem_of_the_file(ImportFormat format)
    {
        var original = await Export(format);
        var random = new Random(format == ImportFormat.Xlsx ? 11 : 12);

        for (var attempt = 0; attempt < 150; attempt++)
        {
            var damaged = (byte[])original.Clone();
            for (var flips = random.Next(1, 6); flips > 0; flips--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            try
            {
                await foreach (var _ in ImportReader.ReadAsync(new MemoryStream(damaged), format, charset: null))
                {
                }
            }
            catch (ImportFileException)
            {
            }
        }
    }

    [Fact]
    public async Task A_workbook_whose_sheet_XML_is_damaged_reads_as_rows_or_a_problem_of_the_file()
    {
        var original = await Export(ImportFormat.Xlsx);
        var random = new Random(13);
        const string Alphabet = "<>/=\"' rtsAZ019.-_x:&;";

        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var file = new MemoryStream();
            file.Write(original);
            using (var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
            {
                var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!;
                string xml;
                using (var reader = new StreamReader(sheet.Open()))
                {
                    xml = reader.ReadToEnd();
                }

                var chars = xml.ToCharArray();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
                }

                sheet.Delete();
                using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
                writer.Write(chars);
            }

            file.Position = 0;
            try
            {
                await foreach (var _ in ImportReader.ReadAsync(file, ImportFormat.Xlsx, charset: null))
                {
                }
            }
            catch (ImportFileException)
            {
            }
        }
    }

    private static async Task<byte[]> Export(ImportFormat format)
    {
        (string, Census.Contracts.Surveys.SurveyRecord)[] records = [("air-quality", SurveyRecords.Valid()), ("road-cctv", SurveyRecords.Perfect())];
        using var file = new MemoryStream();
        if (format == ImportFormat.Xlsx)
        {
            await SurveyTemplate.ExportXlsxAsync(file, records.ToAsyncEnumerable());
        }
        else
        {
            await SurveyTemplate.ExportCsvAsync(file, records.ToAsyncEnumerable());
        }

        return file.ToArray();
    }
}
