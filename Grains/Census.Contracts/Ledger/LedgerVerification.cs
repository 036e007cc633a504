namespace Census.Contracts.Ledger;

/// <summary>
/// What recomputing a ledger's chain found: <see cref="Ok"/>, or the first entry whose stored hash or index does not
/// follow from the one before (<see cref="FirstBrokenIndex"/>) and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.LedgerVerification")]
public sealed record LedgerVerification(
    [property: Id(0)] bool Ok,
    [property: Id(1)] long Entries,
    [property: Id(2)] long? FirstBrokenIndex,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string HeadHash,
    [property: Id(5)] DateTimeOffset VerifiedAt);
