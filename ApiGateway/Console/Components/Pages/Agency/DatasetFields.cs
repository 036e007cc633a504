using Census.Contracts.Surveys;
using Census.Exchange.Imports;
using Census.Exchange.Template;

namespace Census.ApiGateway.Console.Components.Pages.Agency;

/// <summary>
/// The dataset form's fields: the template's columns (<see cref="SurveyColumns"/>) in the template's groups, a record
/// turned into their texts (<see cref="SurveyRows"/>) and back (<see cref="SurveyForm"/>, the import's row reader).
/// </summary>
public static class DatasetFields
{
    /// <summary>The groups of the template, each with its columns in the template's order.</summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<SurveyColumn> Columns)> Groups { get; } = Build();

    /// <summary>The record's texts by column key, as a row of the template would carry them.</summary>
    public static Dictionary<string, string?> Values(string datasetId, SurveyRecord record)
    {
        var cells = SurveyRows.Cells(datasetId, record);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            values[SurveyColumns.All[i].Key] = cells[i].Text;
        }

        return values;
    }

    /// <summary>The form's posted texts by column key; the several values of a list of choices joined as the template joins them.</summary>
    public static Dictionary<string, string?> FromForm(IFormCollection form)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var column in SurveyColumns.All)
        {
            if (column.Key != SurveyColumns.ActionKey && form.TryGetValue(column.Key, out var posted))
            {
                values[column.Key] = string.Join("; ", posted.Where(v => !string.IsNullOrEmpty(v)));
            }
        }

        return values;
    }

    /// <summary>The column key a problem's path names (<c>record.processingPlan[1]</c> → <c>processingPlan</c>); null for none.</summary>
    public static string? KeyOf(string path)
    {
        var key = path.StartsWith("record.", StringComparison.Ordinal) ? path["record.".Length..] : path;
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
        key = bracket < 0 ? key : key[..bracket];
        return SurveyColumns.All.Any(c => c.Key == key) ? key : null;
    }

    /// <summary>The id of a column's control (<c>f-volume-records</c>).</summary>
    public static string InputId(string key) => "f-" + key.Replace('.', '-');

    /// <summary>The label of a choice in the console's language: the template's Korean, or the wire name.</summary>
    public static string ChoiceLabel(EnumChoice choice) =>
        ConsoleFormat.Language == "ko" ? choice.Label : choice.Value.Replace('-', ' ');

    /// <summary>A column's text as people read it: a choice by its label, a list of choices label by label.</summary>
    public static string Display(SurveyColumn column, string? text, string yes, string no)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        string Label(string value) =>
            column.Type == ColumnType.Bool ? (value == "true" ? yes : value == "false" ? no : value)
            : column.Choices.FirstOrDefault(c => c.Value == value) is { } choice ? ChoiceLabel(choice) : value;
        return column.Type switch
        {
            ColumnType.Enum or ColumnType.Bool => Label(text),
            ColumnType.EnumList => string.Join(", ", Items(text).Select(Label)),
            _ => text,
        };
    }

    /// <summary>Whether two texts of a column say the same: a list of choices is a set, its order no part of it.</summary>
    public static bool Same(SurveyColumn column, string? a, string? b) =>
        column.Type == ColumnType.EnumList
            ? Items(a).Order(StringComparer.Ordinal).SequenceEqual(Items(b).Order(StringComparer.Ordinal))
            : string.Equals(a ?? "", b ?? "", StringComparison.Ordinal);

    private static string[] Items(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static List<(string, IReadOnlyList<SurveyColumn>)> Build()
    {
        (string Group, string[] Keys)[] layout =
        [
            ("Group.Basic", ["datasetId", "title", "description", "keywords", "sector"]),
            ("Group.Type", ["modality", "structure", "digitization", "formats", "volume.records", "volume.bytes"]),
            ("Group.Collection", ["collection.purpose", "collection.method", "collection.provenanceDocumented"]),
            ("Group.Availability", ["availability.now", "availability.afterProcessing", "lawfulToProvide", "license", "thirdPartyRights"]),
            ("Group.Personal", ["personalData.status", "personalData.sensitive", "personalData.deidentificationPlanned", "personalData.riskAssessed", "personalData.scanVerified"]),
            ("Group.Labeling", ["labeling.status", "labeling.specDocumented", "labeling.qaReported"]),
            ("Group.Quality", ["quality.assessed", "quality.errorRate", "quality.verified", "documentation.dataDictionary", "documentation.datasheet"]),
            ("Group.Coverage", ["coverage.from", "coverage.to", "maintenance.updateFrequency", "maintenance.lastUpdated", "maintenance.versioned"]),
            ("Group.Plan", ["processingPlan", "contactEmail"]),
        ];
        var byKey = SurveyColumns.All.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var groups = layout.Select(g => (g.Group, (IReadOnlyList<SurveyColumn>)[.. g.Keys.Select(k => byKey[k])])).ToList();
        var placed = layout.SelectMany(g => g.Keys).ToHashSet(StringComparer.Ordinal);

        // A column added to the template later is shown too, at the end, rather than silently missing from the form.
        var rest = SurveyColumns.All.Where(c => c.Key != SurveyColumns.ActionKey && !placed.Contains(c.Key)).ToList();
        if (rest.Count > 0)
        {
            groups[^1] = (groups[^1].Item1, [.. groups[^1].Item2, .. rest]);
        }

        return groups;
    }
}
