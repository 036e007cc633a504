using Census.Contracts.Institutions;

namespace Census.Domain.Selection;

/// <summary>
/// One eligible record that may be selected. Scores are quarter-points (4 × score), so they compare and add exactly.
/// </summary>
public sealed record Candidate(string InstitutionId, string DatasetId, Sector Sector, int PostQuarterPoints, int NowQuarterPoints)
{
    /// <summary><c>institutionId/datasetId</c>: the last tie-break of the ranking order and the record's identity.</summary>
    public string Key => InstitutionId + "/" + DatasetId;
}
