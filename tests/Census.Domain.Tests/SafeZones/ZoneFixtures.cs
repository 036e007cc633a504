using Census.Contracts.Access;
using Census.Contracts.SafeZones;

namespace Census.Domain.Tests.SafeZones;

/// <summary>Sites, grants and bookings to check the seat rules with.</summary>
internal static class ZoneFixtures
{
    /// <summary>A Wednesday.</summary>
    public static readonly DateOnly Today = new(2026, 12, 2);

    public static readonly DateTimeOffset Now = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    public static SafeZoneSite Site(int seats = 3, IReadOnlyList<DayOfWeek>? open = null, params SafeZoneClosure[] closures) =>
        new("zone-a", "세종 안심구역", "세종시", seats,
            open ?? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            ["op-1"], closures, Now, "admin");

    public static Grant Grant(
        string requester = "req-1", GrantKind kind = GrantKind.SafeZone, GrantStatus status = GrantStatus.Live,
        DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        new("grant-1", "inst-a", "ds-a", "1.0", kind, requester, "org-1", null, null,
            from ?? Now.AddDays(-1), until ?? Now.AddDays(30), status, Now.AddDays(-1), "admin", null, null, null);

    public static SafeZoneBooking Booking(string id, int seats, params DateOnly[] days) =>
        new(id, "zone-a", "grant-1", "req-1", "org-1", "inst-a", "ds-a", days, seats, SafeZoneBookingState.Booked, Now, null, null, null, []);

    public static DateOnly Day(int fromToday) => Today.AddDays(fromToday);
}
