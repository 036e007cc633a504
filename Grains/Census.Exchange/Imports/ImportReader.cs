using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Census.Contracts.Surveys;
using Census.Domain.Serialization;
using Census.Domain.Surveys;
using Census.Domain.Validation;

namespace Census.Exchange.Imports;

/// <summary>
/// Reads an import file row by row (intake-exchange.md): each row is parsed, then validated exactly as a PUT
/// of its record. Problems of the whole file throw <see cref="ImportFileException"/>, before or during the
/// enumeration; the caller writes nothing until the enumeration has finished.
/// </summary>
public static class ImportReader
{
    public const int MaxRows = 50_000;
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The format and charset a Content-Type names; false when it names none the import reads.</summary>
    public static bool TryParseFormat(string? contentType, out ImportFormat format, out string? charset)
    {
        format = default;
        charset = null;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var parts = contentType.Split(';', StringSplitOptions.TrimEntries);
        foreach (var parameter in parts.Skip(1))
        {
            if (parameter.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                charset = parameter["charset=".Length..].Trim('"');
            }
        }

        switch (parts[0].ToLowerInvariant())
        {
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                format = ImportFormat.Xlsx;
                return true;
            case "text/csv":
                format = ImportFormat.Csv;
                return true;
            case "application/x-ndjson":
            case "application/jsonl":
                format = ImportFormat.Ndjson;
                return true;
            default:
                return false;
        }
    }

    public static IAsyncEnumerable<ImportEntry> ReadAsync(
        Stream content, ImportFormat format, string? charset, CancellationToken cancellationToken = default) =>
        ReadAsync(content, format, charset, ImportReaderOptions.Default, cancellationToken);

    /// <summary>
    /// The entries of a file, one row at a time: nothing but the current row (and, for an xlsx, its shared
    /// strings) is held. <paramref name="options"/> lowers the limits in tests; the defaults are the contract.
    /// </summary>
    public static IAsyncEnumerable<ImportEntry> ReadAsync(
        Stream content, ImportFormat format, string? charset, ImportReaderOptions options, CancellationToken cancellationToken = default) => format switch
    {
        ImportFormat.Ndjson => ReadNdjsonAsync(content, options, cancellationToken),
        ImportFormat.Csv => CsvImportReader.ReadAsync(content, charset, options, cancellationToken),
        ImportFormat.Xlsx => XlsxImportReader.ReadAsync(content, options, cancellationToken),
        _ => throw new ImportFileException($"Reading {format} files is not available in this build."),
    };

    private static async IAsyncEnumerable<ImportEntry> ReadNdjsonAsync(
        Stream content, ImportReaderOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = 0;
        var rows = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (++rows > options.MaxRows)
            {
                throw new ImportFileException($"The file has more than {options.MaxRows} rows.", $"line {line}");
            }

            yield return NdjsonRow(line, text);
        }
    }

    private static ImportEntry NdjsonRow(int line, string text)
    {
        JsonObject? item;
        try
        {
            item = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject;
        }
        catch (JsonException e) when (e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            var path = JsonErrors.FieldPath(e.Path);
            return Invalid(line, null, path == "$" ? SurveyRecordRules.Root : $"{SurveyRecordRules.Root}.{path}", JsonErrors.Describe(e, typeof(SurveyRecord), path));
        }
        catch (JsonException e)
        {
            // Worded as a PUT words a body that does not parse; the line is the file's.
            return Invalid(line, null, SurveyRecordRules.Root, $"is not well-formed JSON (line {line}, byte {e.BytePositionInLine + 1}).");
        }

        if (item is null)
        {
            return Invalid(line, null, SurveyRecordRules.Root, "must be a JSON object.");
        }

        var datasetId = item["datasetId"] is JsonValue id && id.TryGetValue<string>(out var idText) ? idText : null;
        var errors = new List<ImportRowError>();
        if (!Rules.IsValidId(datasetId))
        {
            errors.Add(new ImportRowError(line, datasetId, "datasetId", $"is required and must match {Rules.IdPattern}."));
        }

        var action = ImportAction.Upsert;
        if (item["action"] is { } actionNode)
        {
            var actionText = actionNode is JsonValue v && v.TryGetValue<string>(out var a) ? a : null;
            if (string.Equals(actionText, "withdraw", StringComparison.Ordinal))
            {
                action = ImportAction.Withdraw;
            }
            else if (!string.Equals(actionText, "upsert", StringComparison.Ordinal) && !string.IsNullOrEmpty(actionText))
            {
                errors.Add(new ImportRowError(line, datasetId, "action", "must be one of: upsert, withdraw."));
            }
        }

        item.Remove("datasetId");
        item.Remove("action");
        SurveyRecord? record = null;
        if (action == ImportAction.Upsert)
        {
            try
            {
                record = item.Deserialize<SurveyRecord>(RecordJson.Options);
                foreach (var (path, messages) in SurveyRecordRules.Validate(record).ToDictionary())
                {
                    errors.AddRange(messages.Select(m => new ImportRowError(line, datasetId, path, m)));
                }
            }
            catch (JsonException e)
            {
                var path = JsonErrors.FieldPath(e.Path);
                var reported = path == "$" ? SurveyRecordRules.Root : $"{SurveyRecordRules.Root}.{path}";
                errors.Add(new ImportRowError(line, datasetId, reported, JsonErrors.Describe(e, typeof(SurveyRecord), path)));
            }
        }

        return new ImportEntry(line, datasetId, action, record, errors);
    }

    private static ImportEntry Invalid(int row, string? datasetId, string path, string message) =>
        new(row, datasetId, ImportAction.Upsert, null, [new ImportRowError(row, datasetId, path, message)]);
}
