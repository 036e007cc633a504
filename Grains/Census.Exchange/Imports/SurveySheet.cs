using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Census.Contracts.Surveys;
using Census.Domain.Serialization;
using Census.Domain.Surveys;
using Census.Domain.Validation;
using Census.Exchange.Template;

namespace Census.Exchange.Imports;

/// <summary>
/// A sheet in the template's columns, whatever file it came from: the header row resolved to columns, then
/// each data row turned into an <see cref="ImportEntry"/> — cells typed by their column, the record built and
/// validated exactly as a PUT of it would be. Holds nothing per row: a row's cells come in and its entry goes out.
/// </summary>
internal sealed partial class SurveySheet
{
    // The record's required groups exist whenever a row exists: their members are columns of every row, so an
    // empty "volume" is a volume with no figures, and a missing member is named by its own path.
    private static readonly string[] RequiredGroups =
    [
        .. typeof(SurveyRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null && p.PropertyType.IsClass && p.PropertyType != typeof(string)
                && !typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)),
    ];

    private static readonly string[] TrueWords = ["true", "yes", "y", "예", "o"];
    private static readonly string[] FalseWords = ["false", "no", "n", "아니오", "x"];

    private readonly SurveyColumn?[] _columns;
    private readonly int _datasetIdColumn;

    private SurveySheet(SurveyColumn?[] columns, bool date1904)
    {
        _columns = columns;
        _datasetIdColumn = Array.FindIndex(columns, c => c?.Key == SurveyColumns.DatasetIdKey);
        Date1904 = date1904;
    }

    /// <summary>Whether date serials count from 1904 (a workbook setting of old Mac spreadsheets).</summary>
    public bool Date1904 { get; }

    /// <summary>
    /// The columns the header row names. An unknown header, a key named twice, or no <c>datasetId</c> /
    /// <c>title</c> column is a problem of the file: a typo must not silently drop a column.
    /// </summary>
    public static SurveySheet Resolve(IReadOnlyList<string?> headers, int headerRow = 1, bool date1904 = false)
    {
        var columns = new SurveyColumn?[headers.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            // A byte order mark the decoder left in place (a UTF-16 file named by its charset) is no part of the name.
            var header = headers[i]?.Trim().TrimStart('\uFEFF').Trim();
            if (string.IsNullOrEmpty(header))
            {
                continue;
            }

            var where = CellReference.Of(i, headerRow);
            var column = Match(header) ?? throw new ImportFileException(
                $"Unknown column '{header}'. Use the template's columns (the key, the Korean label, or 'label (key)').", where);
            if (seen.TryGetValue(column.Key, out var first))
            {
                throw new ImportFileException(
                    $"The column '{column.Key}' appears twice (columns {CellReference.Column(first)} and {CellReference.Column(i)}).", where);
            }

            seen[column.Key] = i;
            columns[i] = column;
        }

        foreach (var key in (string[])[SurveyColumns.DatasetIdKey, SurveyColumns.TitleKey])
        {
            if (!seen.ContainsKey(key))
            {
                throw new ImportFileException($"The file has no '{key}' column.", $"row {headerRow.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return new SurveySheet(columns, date1904);
    }

    [GeneratedRegex(@"\(\s*([A-Za-z.]+)\s*\)\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyInParentheses();

    private static SurveyColumn? Match(string header)
    {
        var byKey = SurveyColumns.All.FirstOrDefault(c => string.Equals(c.Key, header, StringComparison.OrdinalIgnoreCase));
        if (byKey is not null)
        {
            return byKey;
        }

        var byLabel = SurveyColumns.All.FirstOrDefault(c => string.Equals(c.Label, header, StringComparison.Ordinal));
        if (byLabel is not null)
        {
            return byLabel;
        }

        var key = KeyInParentheses().Match(header);
        return key.Success
            ? SurveyColumns.All.FirstOrDefault(c => string.Equals(c.Key, key.Groups[1].Value, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    /// <summary>The entry of one data row; null when every cell is empty (a blank line of the sheet).</summary>
    public ImportEntry? Read(int row, IReadOnlyList<SheetCell> cells)
    {
        if (cells.All(c => c.IsEmpty))
        {
            return null;
        }

        var datasetId = _datasetIdColumn < cells.Count && cells[_datasetIdColumn].Problem is null
            ? cells[_datasetIdColumn].Text?.Trim() : null;
        datasetId = string.IsNullOrEmpty(datasetId) ? null : datasetId;
        var errors = new List<ImportRowError>();
        if (!Rules.IsValidId(datasetId))
        {
            errors.Add(new ImportRowError(row, datasetId, SurveyColumns.DatasetIdKey, $"is required and must match {Rules.IdPattern}."));
        }

        var action = ImportAction.Upsert;
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var record = new JsonObject();
        foreach (var group in RequiredGroups)
        {
            record[group] = new JsonObject();
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var column = i < _columns.Length ? _columns[i] : null;
            if (column is null)
            {
                if (!cell.IsEmpty)
                {
                    errors.Add(new ImportRowError(row, datasetId, "$", $"Cell {CellReference.Of(i, row)} has a value but its column has no header."));
                }

                continue;
            }

            if (cell.Problem is { } problem)
            {
                errors.Add(new ImportRowError(row, datasetId, column.Path, problem));
                failed.Add(column.Path);
                continue;
            }

            if (cell.IsEmpty || column.Key == SurveyColumns.DatasetIdKey)
            {
                continue;
            }

            if (column.Key == SurveyColumns.ActionKey)
            {
                if (MatchChoice(column, cell.Text!) is { } chosen)
                {
                    action = chosen == "withdraw" ? ImportAction.Withdraw : ImportAction.Upsert;
                }
                else
                {
                    errors.Add(new ImportRowError(row, datasetId, column.Path, OneOf(column)));
                }

                continue;
            }

            var cellErrors = errors.Count;
            if (Value(column, cell, row, datasetId, errors) is { } value)
            {
                Set(record, column.Key, value);
            }
            else if (errors.Count > cellErrors)
            {
                failed.Add(column.Path);
            }
        }

        SurveyRecord? parsed = null;
        if (action == ImportAction.Upsert)
        {
            try
            {
                parsed = record.Deserialize<SurveyRecord>(RecordJson.Options);
            }
            catch (JsonException e)
            {
                // Cells are typed before they reach the serializer; this only guards against a column the
                // serializer disagrees with, worded as a PUT would word it.
                var path = JsonErrors.FieldPath(e.Path);
                errors.Add(new ImportRowError(row, datasetId, path == "$" ? SurveyRecordRules.Root : "record." + path, JsonErrors.Describe(e, typeof(SurveyRecord), path)));
            }

            if (parsed is not null)
            {
                foreach (var (path, messages) in SurveyRecordRules.Validate(parsed).ToDictionary())
                {
                    if (!failed.Any(f => path == f || path.StartsWith(f + "[", StringComparison.Ordinal)))
                    {
                        errors.AddRange(messages.Select(m => new ImportRowError(row, datasetId, path, m)));
                    }
                }
            }
        }

        return new ImportEntry(row, datasetId, action, parsed, errors);
    }

    private JsonNode? Value(SurveyColumn column, SheetCell cell, int row, string? datasetId, List<ImportRowError> errors)
    {
        var text = cell.Text!;
        switch (column.Type)
        {
            case ColumnType.Text:
                return JsonValue.Create(text);
            case ColumnType.List:
                var items = Items(text);
                return items.Length == 0 ? null : new JsonArray([.. items.Select(s => (JsonNode)JsonValue.Create(s))]);
            case ColumnType.Bool:
                if (ParseBool(text) is { } flag)
                {
                    return JsonValue.Create(flag);
                }

                errors.Add(new ImportRowError(row, datasetId, column.Path, "must be true or false (also yes/no, y/n, 예/아니오, O/X)."));
                return null;
            case ColumnType.WholeNumber:
                if (ParseWhole(text) is { } whole)
                {
                    return JsonValue.Create(whole);
                }

                errors.Add(new ImportRowError(row, datasetId, column.Path, "must be a whole number."));
                return null;
            case ColumnType.DecimalNumber:
                if (ParseDecimal(text, cell.IsNumber) is { } number)
                {
                    return JsonValue.Create(number);
                }

                errors.Add(new ImportRowError(row, datasetId, column.Path, "must be a number."));
                return null;
            case ColumnType.Date:
                if (ParseDate(text, cell.IsNumber) is { } date)
                {
                    return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                errors.Add(new ImportRowError(row, datasetId, column.Path, "must be a date (YYYY-MM-DD)."));
                return null;
            case ColumnType.Enum:
                if (MatchChoice(column, text) is { } value)
                {
                    return JsonValue.Create(value);
                }

                errors.Add(new ImportRowError(row, datasetId, column.Path, OneOf(column)));
                return null;
            case ColumnType.EnumList:
                var values = Items(text);
                var array = new JsonArray();
                var valid = true;
                for (var i = 0; i < values.Length; i++)
                {
                    if (MatchChoice(column, values[i]) is { } item)
                    {
                        array.Add(JsonValue.Create(item));
                    }
                    else
                    {
                        errors.Add(new ImportRowError(row, datasetId, $"{column.Path}[{i.ToString(CultureInfo.InvariantCulture)}]", OneOf(column)));
                        valid = false;
                    }
                }

                return valid && array.Count > 0 ? array : null;
            default:
                throw new InvalidOperationException($"Unknown column type {column.Type}.");
        }
    }

    private static string[] Items(string text) =>
        text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string OneOf(SurveyColumn column) =>
        "must be one of: " + string.Join(", ", column.Choices.Select(c => c.Value)) + ".";

    /// <summary>A choice by its wire name (any case) or by the Korean label the template shows beside it.</summary>
    private static string? MatchChoice(SurveyColumn column, string text)
    {
        var trimmed = text.Trim();
        return column.Choices.FirstOrDefault(c => string.Equals(c.Value, trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Label, trimmed, StringComparison.Ordinal))?.Value;
    }

    internal static bool? ParseBool(string text)
    {
        var word = text.Trim();
        if (TrueWords.Any(w => string.Equals(w, word, StringComparison.OrdinalIgnoreCase)) || word == "1")
        {
            return true;
        }

        return FalseWords.Any(w => string.Equals(w, word, StringComparison.OrdinalIgnoreCase)) || word == "0" ? false : null;
    }

    private static long? ParseWhole(string text)
    {
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        // A spreadsheet may store a large whole number with an exponent (1.5E+10).
        return decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue
            ? (long)number : null;
    }

    private static decimal? ParseDecimal(string text, bool isNumber)
    {
        var trimmed = text.Trim();
        // A number a spreadsheet program stored carries its binary noise (0.1 is written 0.10000000000000001):
        // beyond 15 significant digits, take the shortest decimal that is the same double. Text is taken as written.
        if (isNumber && SignificantDigits(trimmed) > 15
            && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var binary) && double.IsFinite(binary))
        {
            trimmed = binary.ToString("R", CultureInfo.InvariantCulture);
        }

        return decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static int SignificantDigits(string number)
    {
        var mantissa = number.Split('E', 'e')[0];
        return mantissa.Where(char.IsAsciiDigit).SkipWhile(c => c == '0').Count();
    }

    private DateOnly? ParseDate(string text, bool isNumber)
    {
        var trimmed = text.Trim();
        if (isNumber)
        {
            if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial is < 1 or > 2_958_465)
            {
                return null;
            }

            var day = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            return Date1904 ? day.AddDays(1462) : day;
        }

        return DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static void Set(JsonObject record, string key, JsonNode value)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            record[key] = value;
            return;
        }

        var group = key[..dot];
        if (record[group] is not JsonObject child)
        {
            child = new JsonObject();
            record[group] = child;
        }

        child[key[(dot + 1)..]] = value;
    }
}
