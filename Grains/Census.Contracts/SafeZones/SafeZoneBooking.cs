namespace Census.Contracts.SafeZones;

/// <summary>
/// Seats × days at one site under one safe-zone grant. The grant's dataset (<see cref="InstitutionId"/>/
/// <see cref="DatasetId"/>) is the ledger its events go to.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.SafeZoneBooking")]
public sealed record SafeZoneBooking(
    [property: Id(0)] string Id,
    [property: Id(1)] string SiteId,
    [property: Id(2)] string GrantId,
    [property: Id(3)] string RequesterId,
    [property: Id(4)] string OrganisationId,
    [property: Id(5)] string InstitutionId,
    [property: Id(6)] string DatasetId,
    [property: Id(7)] IReadOnlyList<DateOnly> Days,
    [property: Id(8)] int Seats,
    [property: Id(9)] SafeZoneBookingState State,
    [property: Id(10)] DateTimeOffset BookedAt,
    [property: Id(11)] DateTimeOffset? CancelledAt,
    [property: Id(12)] string? CancelledBy,
    [property: Id(13)] string? CancelReason,
    [property: Id(14)] IReadOnlyList<SafeZoneVisit> Visits);
