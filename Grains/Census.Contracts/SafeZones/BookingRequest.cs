namespace Census.Contracts.SafeZones;

/// <summary>
/// A booking as the site grain is asked for it. <see cref="BookingId"/> is derived from the caller's Idempotency-Key
/// when there is one, so a retry whose first attempt was stored but not answered finds that booking instead of
/// booking again.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.BookingRequest")]
public sealed record BookingRequest(
    [property: Id(0)] string BookingId,
    [property: Id(1)] string GrantId,
    [property: Id(2)] string RequesterId,
    [property: Id(3)] string OrganisationId,
    [property: Id(4)] IReadOnlyList<DateOnly> Days,
    [property: Id(5)] int Seats,
    [property: Id(6)] string Actor);
