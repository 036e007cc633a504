namespace Census.Contracts.Ledger;

/// <summary>
/// Demand for one dataset (key <c>{institutionId}/{datasetId}</c>) in a period: access requests submitted, grants issued
/// and downloads completed, as its ledger recorded them.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.DatasetDemand")]
public sealed record DatasetDemand(
    [property: Id(0)] string DatasetKey,
    [property: Id(1)] long Requests,
    [property: Id(2)] long Grants,
    [property: Id(3)] long Downloads);
