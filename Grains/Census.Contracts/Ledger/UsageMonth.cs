namespace Census.Contracts.Ledger;

/// <summary>A dataset's usage in one UTC month (<c>yyyy-MM</c>): the totals, then by requester kind.</summary>
[GenerateSerializer, Immutable, Alias("census.UsageMonth")]
public sealed record UsageMonth(
    [property: Id(0)] string Month,
    [property: Id(1)] UsageFigures Total,
    [property: Id(2)] IReadOnlyList<UsageByKind> ByKind);
