namespace Census.Contracts.Ledger;

/// <summary>A dataset's usage, month by month from <see cref="From"/> to <see cref="To"/> (both included, every month listed).</summary>
[GenerateSerializer, Immutable, Alias("census.DatasetUsage")]
public sealed record DatasetUsage(
    [property: Id(0)] string InstitutionId,
    [property: Id(1)] string DatasetId,
    [property: Id(2)] string From,
    [property: Id(3)] string To,
    [property: Id(4)] IReadOnlyList<UsageMonth> Months);
