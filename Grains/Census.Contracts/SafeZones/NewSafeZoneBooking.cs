using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.SafeZones;

/// <summary>The body of <c>POST /api/v1/safe-zones/{site}/bookings</c> (requester).</summary>
public sealed record NewSafeZoneBooking
{
    /// <summary>The caller's own live safe-zone grant.</summary>
    [Required] public string? GrantId { get; init; }

    /// <summary>1–25 distinct days (<c>yyyy-MM-dd</c>, Korea time), each inside the grant's period.</summary>
    [Required] public IReadOnlyList<DateOnly>? Days { get; init; }

    /// <summary>Seats on each of the days, 1 to the site's seats.</summary>
    [Required] public int? Seats { get; init; }
}
