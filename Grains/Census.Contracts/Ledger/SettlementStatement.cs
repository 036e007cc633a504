namespace Census.Contracts.Ledger;

/// <summary>
/// A providing institution's monthly settlement statement (provision.md §3 "Offers"): every transaction of its datasets
/// in the UTC month, per dataset (by id) and overall, in whole KRW.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.SettlementStatement")]
public sealed record SettlementStatement(
    [property: Id(0)] string InstitutionId,
    [property: Id(1)] string Month,
    [property: Id(2)] long Transactions,
    [property: Id(3)] long Quantity,
    [property: Id(4)] long TotalKrw,
    [property: Id(5)] IReadOnlyList<SettlementDataset> Datasets);
