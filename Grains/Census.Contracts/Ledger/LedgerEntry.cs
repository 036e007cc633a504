namespace Census.Contracts.Ledger;

/// <summary>
/// Entry <see cref="Index"/> (1, 2, …) of a dataset's ledger: the event's canonical JSON as stored and
/// <c>hash_n = SHA-256(hash_{n-1} ‖ canonical JSON)</c> in lower-case hex (hash_0 = 32 zero bytes).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] long Index,
    [property: Id(1)] string EventId,
    [property: Id(2)] string Kind,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Event,
    [property: Id(5)] string Hash);
