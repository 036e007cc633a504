using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
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

    private static readonly JsonSerializerOptions RecordJson = CreateRecordJson();

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
        Stream content, ImportFormat format, string? charset, CancellationToken cancellationToken = default) => format switch
    {
        ImportFormat.Ndjson => ReadNdjsonAsync(content, cancellationToken),
        _ => throw new ImportFileException($"Reading {format} files is not available in this build."),
    };

    private static async IAsyncEnumerable<ImportEntry> ReadNdjsonAsync(
        Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
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

            if (++rows > MaxRows)
            {
                throw new ImportFileException($"The file has more than {MaxRows} rows.", $"line {line}");
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
        catch (JsonException e)
        {
            return Invalid(line, null, "$", $"is not well-formed JSON ({e.Message}).");
        }

        if (item is null)
        {
            return Invalid(line, null, "$", "must be a JSON object.");
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
                record = item.Deserialize<SurveyRecord>(RecordJson);
                foreach (var (path, messages) in SurveyRecordRules.Validate(record).ToDictionary())
                {
                    errors.AddRange(messages.Select(m => new ImportRowError(line, datasetId, path, m)));
                }
            }
            catch (JsonException e)
            {
                var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? SurveyRecordRules.Root : SurveyRecordRules.Root + "." + e.Path.TrimStart('$', '.');
                errors.Add(new ImportRowError(line, datasetId, path, "has a value of the wrong type or an unknown field."));
            }
        }

        return new ImportEntry(line, datasetId, action, record, errors);
    }

    private static ImportEntry Invalid(int row, string? datasetId, string path, string message) =>
        new(row, datasetId, ImportAction.Upsert, null, [new ImportRowError(row, datasetId, path, message)]);

    private static JsonSerializerOptions CreateRecordJson()
    {
        var options = new JsonSerializerOptions
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
        };
        CensusJson.Configure(options);
        return options;
    }
}
