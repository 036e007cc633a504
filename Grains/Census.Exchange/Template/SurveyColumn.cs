namespace Census.Exchange.Template;

/// <summary>
/// One column of the survey template (intake-exchange.md): its English <see cref="Key"/> (the record member's
/// dotted JSON path, or <c>datasetId</c> / <c>action</c>), the Korean <see cref="Label"/> people read, how its
/// cells are typed, and the explanation and example the template's "설명" sheet shows.
/// </summary>
public sealed record SurveyColumn(
    string Key,
    string Label,
    ColumnType Type,
    bool Required,
    string Explanation,
    string Example,
    IReadOnlyList<EnumChoice> Choices)
{
    /// <summary>The path a row error of this column carries, as a PUT would name the field (<c>record.volume.records</c>).</summary>
    public string Path => IsRecordMember ? "record." + Key : Key;

    /// <summary>False for <c>datasetId</c> and <c>action</c>, which are about the row, not the record.</summary>
    public bool IsRecordMember => Key is not (SurveyColumns.DatasetIdKey or SurveyColumns.ActionKey);

    /// <summary>
    /// What the template writes in the header: the Korean label with the key in parentheses, so a reader of
    /// Korean knows the column and the file still names every column exactly (headers are also matched on
    /// the key alone or the label alone).
    /// </summary>
    public string Header => $"{Label} ({Key})";
}
