using System.Text.Json;
using System.Text.Json.Nodes;
using Census.Contracts.Surveys;
using Census.Exchange.Imports;

namespace Census.Exchange.Template;

/// <summary>
/// A stored record as one row of the template's columns — the inverse of the readers: lists joined with
/// <c>; </c>, booleans <c>true</c>/<c>false</c>, enums by wire name, dates <c>YYYY-MM-DD</c>, numbers as the
/// record holds them. Built from the record's JSON, so every member is written as a PUT body would carry it.
/// </summary>
public static class SurveyRows
{
    public static IReadOnlyList<SheetCell> Cells(string datasetId, SurveyRecord record)
    {
        var json = JsonSerializer.SerializeToNode(record, RecordJson.Options) as JsonObject ?? [];
        var cells = new SheetCell[SurveyColumns.All.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var column = SurveyColumns.All[i];
            cells[i] = column.Key switch
            {
                SurveyColumns.DatasetIdKey => new SheetCell(datasetId),
                SurveyColumns.ActionKey => default,
                _ => Cell(Member(json, column.Key)),
            };
        }

        return cells;
    }

    private static JsonNode? Member(JsonObject record, string key)
    {
        JsonNode? node = record;
        foreach (var segment in key.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node;
    }

    private static SheetCell Cell(JsonNode? node) => node switch
    {
        null => default,
        JsonArray items => new SheetCell(string.Join("; ", items.Select(i => i?.GetValue<string>()))),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => new SheetCell(value.GetValue<string>()),
            JsonValueKind.True => new SheetCell("true"),
            JsonValueKind.False => new SheetCell("false"),
            JsonValueKind.Number => new SheetCell(value.ToJsonString(), IsNumber: true),
            _ => default,
        },
        _ => default,
    };
}
