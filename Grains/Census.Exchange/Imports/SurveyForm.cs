using Census.Exchange.Template;

namespace Census.Exchange.Imports;

/// <summary>
/// A survey record typed into a form, one text per template column key: read by the import's own row reader, so a
/// form and a spreadsheet row are typed, built and validated alike, and their errors carry the paths and words of a PUT.
/// </summary>
public static class SurveyForm
{
    private static readonly SurveySheet Sheet = SurveySheet.Resolve([.. SurveyColumns.All.Select(c => c.Key)]);

    /// <summary>The entry the values make, as row 1 of a sheet in the template's columns.</summary>
    public static ImportEntry Read(IReadOnlyDictionary<string, string?> values)
    {
        var cells = SurveyColumns.All.Select(c => new SheetCell(values.TryGetValue(c.Key, out var value) ? value : null)).ToArray();
        return Sheet.Read(1, cells) ?? new ImportEntry(1, null, ImportAction.Upsert, null,
        [
            new ImportRowError(1, null, SurveyColumns.DatasetIdKey, "is required."),
            new ImportRowError(1, null, "record." + SurveyColumns.TitleKey, "is required."),
        ]);
    }
}
