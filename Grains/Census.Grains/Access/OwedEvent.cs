using Census.Contracts.Ledger;

namespace Census.Grains.Access;

/// <summary>A ledger event a grain has stored and still owes the ledger of <see cref="DatasetKey"/>.</summary>
[GenerateSerializer, Immutable, Alias("census.OwedEvent")]
public sealed record OwedEvent(
    [property: Id(0)] string DatasetKey,
    [property: Id(1)] LedgerEvent Event);
