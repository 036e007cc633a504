namespace Census.Contracts.Ledger;

/// <summary>
/// Completed downloads of a dataset in one month, or of one requester kind in it: how many, their bytes, and how many
/// distinct requesters and organisations made them.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.UsageFigures")]
public sealed record UsageFigures(
    [property: Id(0)] long Downloads,
    [property: Id(1)] long Bytes,
    [property: Id(2)] long Requesters,
    [property: Id(3)] long Organisations);
