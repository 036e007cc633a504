using Census.Contracts.Surveys;

namespace Census.Exchange.Imports;

/// <summary>
/// One data row of an import file, read and validated on its own (exactly as a PUT of its record would be).
/// <see cref="Row"/> is the spreadsheet's row number (header = row 1; for NDJSON, the line number).
/// The row is valid when <see cref="Errors"/> is empty; then <see cref="DatasetId"/> is a valid id and
/// <see cref="Record"/> is set unless <see cref="Action"/> is <see cref="ImportAction.Withdraw"/>.
/// Rules across rows (a <c>datasetId</c> twice in one file) are the import's, not the reader's.
/// </summary>
public sealed record ImportEntry(
    int Row,
    string? DatasetId,
    ImportAction Action,
    SurveyRecord? Record,
    IReadOnlyList<ImportRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
