namespace Census.Contracts.Ledger;

/// <summary>A dataset's part of a settlement statement: its lines in ledger order and their sums.</summary>
[GenerateSerializer, Immutable, Alias("census.SettlementDataset")]
public sealed record SettlementDataset(
    [property: Id(0)] string DatasetId,
    [property: Id(1)] long Transactions,
    [property: Id(2)] long Quantity,
    [property: Id(3)] long TotalKrw,
    [property: Id(4)] IReadOnlyList<SettlementLine> Lines);
