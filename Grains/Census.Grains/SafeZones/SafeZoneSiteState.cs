using Census.Contracts.SafeZones;

namespace Census.Grains.SafeZones;

/// <summary>The durable state of one site: the site, every booking made there, and the ledger events still owed.</summary>
[GenerateSerializer, Alias("census.SafeZoneSiteState")]
public sealed class SafeZoneSiteState
{
    [Id(0)] public SafeZoneSite? Site { get; set; }

    /// <summary>Oldest first; cancelled bookings stay, holding no seats.</summary>
    [Id(1)] public List<SafeZoneBooking> Bookings { get; set; } = [];

    /// <summary>Events stored here first and appended to the datasets' ledgers after (an outbox): dropped once appended.</summary>
    [Id(2)] public List<OwedLedgerEvent> Owed { get; set; } = [];
}
