namespace Census.Contracts.SafeZones;

/// <summary>A booking write's outcome, the booking as it now is (when there is one), and why when refused.</summary>
[GenerateSerializer, Immutable, Alias("census.SafeZoneBookingResult")]
public sealed record SafeZoneBookingResult(
    [property: Id(0)] SafeZoneOutcome Outcome,
    [property: Id(1)] SafeZoneBooking? Booking,
    [property: Id(2)] string? Detail);
