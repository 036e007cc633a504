using Orleans.Concurrency;

namespace Census.Contracts.SafeZones;

/// <summary>
/// One safe-zone site (key: the site id) and all its bookings: the one place where whether a seat is free is decided,
/// so concurrent bookings through any gateway never overbook a day. Callers check roles; the grain checks the grant,
/// the days and the seats.
/// </summary>
[Alias("census.ISafeZoneSiteGrain")]
public interface ISafeZoneSiteGrain : IGrainWithStringKey
{
    /// <summary>Creates the site (its id must be this grain's key); <see cref="SafeZoneOutcome.Conflict"/> when it exists.</summary>
    [Alias("Create")]
    Task<SafeZoneSiteResult> Create(SafeZoneSite site, string actor);

    [Alias("Get"), ReadOnly]
    Task<SafeZoneSite?> Get();

    /// <summary>Closes a day; refused (409, naming them) while bookings hold seats that day: cancel them first.</summary>
    [Alias("Close")]
    Task<SafeZoneSiteResult> Close(DateOnly day, string reason, string actor);

    /// <summary>Opens a closed day again; a day that was not closed is <see cref="SafeZoneOutcome.NotFound"/>.</summary>
    [Alias("Reopen")]
    Task<SafeZoneSiteResult> Reopen(DateOnly day, string actor);

    /// <summary>Books seats on every day or on none (the grant, the days and the seats are checked here).</summary>
    [Alias("Book")]
    Task<SafeZoneBookingResult> Book(BookingRequest request);

    /// <summary>Cancels a booking and frees its seats; cancelling a cancelled booking is a conflict.</summary>
    [Alias("Cancel")]
    Task<SafeZoneBookingResult> Cancel(string bookingId, string reason, string actor);

    /// <summary>Records today's (Korea time) check-in: today must be one of the booking's days, once a day.</summary>
    [Alias("CheckIn")]
    Task<SafeZoneBookingResult> CheckIn(string bookingId, string actor);

    /// <summary>Records today's check-out, after today's check-in, once.</summary>
    [Alias("CheckOut")]
    Task<SafeZoneBookingResult> CheckOut(string bookingId, string actor);

    [Alias("Booking"), ReadOnly]
    Task<SafeZoneBooking?> Booking(string bookingId);

    /// <summary>Bookings (cancelled ones too) that include the day, oldest first.</summary>
    [Alias("BookingsOn"), ReadOnly]
    Task<List<SafeZoneBooking>> BookingsOn(DateOnly day);

    /// <summary>Every booking of one requester at this site, oldest first.</summary>
    [Alias("BookingsOf"), ReadOnly]
    Task<List<SafeZoneBooking>> BookingsOf(string requesterId);
}
