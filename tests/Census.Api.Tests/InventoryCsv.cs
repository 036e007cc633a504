using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Census.Api.Tests;

/// <summary>
/// An inventory saved as CSV by a Korean spreadsheet program: the template's header row, then one line per
/// record with lists joined by <c>;</c>, yes/no as 예/아니오, and cells quoted only where a comma, quote or line
/// break needs it — as text, to be encoded in whatever code page the program saves in.
/// </summary>
public static partial class InventoryCsv
{
    /// <summary>The CSV text of <paramref name="rows"/> under <paramref name="header"/> (the template's header line).</summary>
    public static string Write(string header, IEnumerable<(string DatasetId, JsonObject Record, string? Action)> rows)
    {
        var keys = header.Split(',').Select(h => KeyInParentheses().Match(h)).ToList();
        Assert.All(keys, k => Assert.True(k.Success, "The template's CSV header names a column without its key."));
        var text = new StringBuilder(header).Append("\r\n");
        foreach (var (datasetId, record, action) in rows)
        {
            text.AppendJoin(',', keys.Select(k => k.Groups[1].Value switch
            {
                "datasetId" => datasetId,
                "action" => action ?? string.Empty,
                var key => Quoted(Cell(record, key)),
            })).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Cell(JsonObject record, string key)
    {
        JsonNode? node = record;
        foreach (var segment in key.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node switch
        {
            null => string.Empty,
            JsonArray items => string.Join(";", items.Select(i => i!.GetValue<string>())),
            JsonValue value => value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.True => "예",
                JsonValueKind.False => "아니오",
                _ => value.ToJsonString(),
            },
            _ => throw new InvalidOperationException($"The record's '{key}' is not a cell."),
        };
    }

    private static string Quoted(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    [GeneratedRegex(@"\(([A-Za-z.]+)\)\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyInParentheses();
}
