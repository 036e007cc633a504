namespace Census.Contracts.Ledger;

/// <summary>
/// One provision event of a dataset (provision.md §3 "Ledger"). <see cref="Id"/> names the event itself (e.g.
/// <c>grant-expired:{grantId}</c>), so an append that is retried lands once. <see cref="Facts"/> are plain strings
/// (numbers in invariant culture); the hash covers the canonical JSON of all five members.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.LedgerEvent")]
public sealed record LedgerEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor,
    [property: Id(4)] Dictionary<string, string> Facts);
