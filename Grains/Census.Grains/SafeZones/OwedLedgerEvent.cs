using Census.Contracts.Ledger;

namespace Census.Grains.SafeZones;

/// <summary>An event stored with the site's state and still to be appended to the ledger of <see cref="DatasetKey"/>.</summary>
[GenerateSerializer, Immutable, Alias("census.OwedLedgerEvent")]
public sealed record OwedLedgerEvent(
    [property: Id(0)] string DatasetKey,
    [property: Id(1)] LedgerEvent Event);
