using System.Globalization;
using System.Text;
using System.Text.Json;
using Census.Contracts.Surveys;
using Census.Domain.Serialization;
using Census.Exchange.Imports;
using Census.Exchange.Template;
using CsvHelper;
using CsvHelper.Configuration;

namespace Census.Domain.Tests.Exchange;

/// <summary>Import files built in memory, and the entries a reader makes of them.</summary>
internal static class ImportFiles
{
    /// <summary>
    /// CP949 as the reader knows it. The tests never register the code-page provider themselves, so a reader
    /// that forgot to would fail them rather than pass on the tests' registration.
    /// </summary>
    public static Encoding Cp949 => TextEncodings.Korean;

    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>The template's header keys, in order.</summary>
    public static IReadOnlyList<string> Keys => [.. SurveyColumns.All.Select(c => c.Key)];

    /// <summary>A record's row, as the export writes it (every column, in order).</summary>
    public static string?[] Row(string datasetId, SurveyRecord record) =>
        [.. SurveyRows.Cells(datasetId, record).Select(c => c.Text)];

    /// <summary>A CSV (RFC 4180 via CsvHelper) of a header and rows, in the given encoding (UTF-8 without BOM by default).</summary>
    public static MemoryStream Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, Encoding? encoding = null)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var field in header)
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                {
                    csv.WriteField(field ?? "");
                }

                csv.NextRecord();
            }
        }

        return new MemoryStream((encoding ?? new UTF8Encoding(false)).GetBytes(text.ToString()));
    }

    /// <summary>A CSV of one valid record with <paramref name="key"/>'s cell replaced.</summary>
    public static MemoryStream CsvWithCell(string key, string? value, SurveyRecord? record = null)
    {
        var row = Row("road-cctv", record ?? SurveyRecords.Valid());
        row[Index(key)] = value;
        return Csv(Keys, [row]);
    }

    public static int Index(string key) => SurveyColumns.All.ToList().FindIndex(c => c.Key == key);

    public static List<ImportEntry> Read(Stream content, ImportFormat format, string? charset = null, ImportReaderOptions? options = null) =>
        ImportReader.ReadAsync(content, format, charset, options ?? ImportReaderOptions.Default).ToListAsync().AsTask().GetAwaiter().GetResult();

    public static ImportFileException FileProblem(Stream content, ImportFormat format, string? charset = null, ImportReaderOptions? options = null) =>
        Assert.Throws<ImportFileException>(() => Read(content, format, charset, options));

    /// <summary>A record as canonical JSON: two records are the same when these are equal.</summary>
    public static string Canonical(SurveyRecord? record) => JsonSerializer.Serialize(record, Json);

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        CensusJson.Configure(options);
        return options;
    }
}
