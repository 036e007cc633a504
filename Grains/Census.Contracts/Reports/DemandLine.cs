using Census.Contracts.Institutions;
using Census.Contracts.Surveys;

namespace Census.Contracts.Reports;

/// <summary>
/// One (sector, modality) of the demand report: the round's supply (datasets reported) beside the demand for released
/// datasets of that sector and modality in the period (requests submitted, grants issued, downloads completed).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.DemandLine")]
public sealed record DemandLine(
    [property: Id(0)] Sector Sector,
    [property: Id(1)] Modality Modality,
    [property: Id(2)] long SupplyDatasets,
    [property: Id(3)] long ReleasedDatasets,
    [property: Id(4)] long Requests,
    [property: Id(5)] long Grants,
    [property: Id(6)] long Downloads);
