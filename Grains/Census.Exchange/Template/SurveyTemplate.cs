using System.Globalization;
using System.Text;
using Census.Contracts.Surveys;
using CsvHelper;
using CsvHelper.Configuration;

namespace Census.Exchange.Template;

/// <summary>
/// The import template and the exports in its columns (intake-exchange.md, api.md "Bulk intake and exchange").
/// The xlsx is the template with drop-down lists and a "설명" sheet; the CSV is the header row, UTF-8 with a
/// BOM so spreadsheet programs show the Korean. An export is the same file with one row per record, so
/// export → import of it changes nothing.
/// </summary>
public static class SurveyTemplate
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvMediaType = "text/csv";

    public static void WriteXlsx(Stream output) =>
        ExportXlsxAsync(output, AsyncEnumerable.Empty<(string, SurveyRecord)>()).AsTask().GetAwaiter().GetResult();

    public static void WriteCsv(Stream output) =>
        ExportCsvAsync(output, AsyncEnumerable.Empty<(string, SurveyRecord)>()).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// The records as CSV, written as they come: one row in memory at a time. A field that starts like a
    /// formula (= + - @) gets an apostrophe in front, which the CSV reader takes off again.
    /// </summary>
    public static async ValueTask ExportCsvAsync(
        Stream output, IAsyncEnumerable<(string DatasetId, SurveyRecord Record)> records, CancellationToken cancellationToken = default)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            InjectionOptions = InjectionOptions.Escape,
            NewLine = "\r\n",
        };
        await using var csv = new CsvWriter(text, config, leaveOpen: true);
        foreach (var column in SurveyColumns.All)
        {
            csv.WriteField(column.Header);
        }

        await csv.NextRecordAsync();
        await foreach (var (datasetId, record) in records.WithCancellation(cancellationToken))
        {
            foreach (var cell in SurveyRows.Cells(datasetId, record))
            {
                csv.WriteField(cell.Text ?? "");
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
        await text.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The records as the xlsx template. The package is built in a temporary file (a zip is written with
    /// seeks), then copied to <paramref name="output"/>: the rows stream through, never all in memory.
    /// </summary>
    public static async ValueTask ExportXlsxAsync(
        Stream output, IAsyncEnumerable<(string DatasetId, SurveyRecord Record)> records, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "census-export-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await SurveyWorkbook.WriteAsync(file, records, cancellationToken);
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }
}
