using Census.Contracts.Access;
using Census.Contracts.SafeZones;
using Census.Domain.Access;

namespace Census.Domain.SafeZones;

/// <summary>
/// Whether seats may be booked (provision.md §2 "Safe zones"): inside the caller's live safe-zone grant, on days the
/// site opens and is not closed, never more seats on a day than the site has — on every day asked, or on none.
/// </summary>
public static class SeatRules
{
    /// <summary>Seats the live bookings hold on <paramref name="day"/>.</summary>
    public static int Taken(IEnumerable<SafeZoneBooking> bookings, DateOnly day) =>
        bookings.Where(b => b.State == SafeZoneBookingState.Booked && b.Days.Contains(day)).Sum(b => b.Seats);

    /// <summary>
    /// Null when the grant allows <paramref name="requesterId"/> to book these days now; otherwise why not (always 403).
    /// Days are compared with the grant's period as dates in Korea time.
    /// </summary>
    public static BookingDecision? GrantRefusal(Grant grant, string requesterId, IEnumerable<DateOnly> days, DateTimeOffset now)
    {
        if (grant.RequesterId != requesterId)
        {
            return Forbidden($"Grant '{grant.Id}' is not yours.");
        }

        if (grant.Kind != GrantKind.SafeZone)
        {
            return Forbidden($"Grant '{grant.Id}' is not a safe-zone grant.");
        }

        if (!GrantRules.IsLive(grant, now))
        {
            return Forbidden(grant.Status == GrantStatus.Revoked
                ? $"Grant '{grant.Id}' was revoked."
                : $"Grant '{grant.Id}' is not live now.");
        }

        var (from, until) = (KoreaTime.DateOf(grant.From), KoreaTime.DateOf(grant.Until));
        foreach (var day in days.Order())
        {
            if (day < from || day > until)
            {
                return Forbidden($"{SafeZoneRules.Format(day)} is outside the grant ({SafeZoneRules.Format(from)} to {SafeZoneRules.Format(until)}).");
            }
        }

        return null;
    }

    /// <summary>
    /// Null when <paramref name="seats"/> more seats fit on every one of <paramref name="days"/>; otherwise the first
    /// day that refuses them and why: more seats than the site has or a past day or a closed weekday (422), a closure
    /// or a full day (409).
    /// </summary>
    public static BookingDecision? SeatRefusal(
        SafeZoneSite site, IReadOnlyCollection<SafeZoneBooking> bookings, IEnumerable<DateOnly> days, int seats, DateOnly today)
    {
        if (seats > site.Seats)
        {
            return new(SafeZoneOutcome.Unprocessable, $"Site '{site.Id}' has {site.Seats} seats; {seats} were asked for.");
        }

        var ordered = days.Order().ToList();
        foreach (var day in ordered)
        {
            if (DayRefusal(site, day, today) is { } refused)
            {
                return refused;
            }
        }

        foreach (var day in ordered)
        {
            var free = site.Seats - Taken(bookings, day);
            if (seats > free)
            {
                return new(SafeZoneOutcome.Conflict, $"Site '{site.Id}' is full on {SafeZoneRules.Format(day)}: {free} of {site.Seats} seats free, {seats} asked for.");
            }
        }

        return null;
    }

    /// <summary>Null when the site opens on <paramref name="day"/> and it is not past; otherwise why not.</summary>
    public static BookingDecision? DayRefusal(SafeZoneSite site, DateOnly day, DateOnly today)
    {
        var text = SafeZoneRules.Format(day);
        if (day < today)
        {
            return new(SafeZoneOutcome.Unprocessable, $"{text} is in the past.");
        }

        if (!site.OpenWeekdays.Contains(day.DayOfWeek))
        {
            return new(SafeZoneOutcome.Unprocessable, $"Site '{site.Id}' does not open on {text}, a {Validation.Names.Of(day.DayOfWeek)}.");
        }

        return site.Closures.FirstOrDefault(c => c.Day == day) is { } closure
            ? new(SafeZoneOutcome.Conflict, $"Site '{site.Id}' is closed on {text}: {closure.Reason}")
            : null;
    }

    /// <summary>The live bookings holding seats on <paramref name="day"/>: a closure must wait until they are cancelled.</summary>
    public static IReadOnlyList<SafeZoneBooking> Holding(IEnumerable<SafeZoneBooking> bookings, DateOnly day) =>
        [.. bookings.Where(b => b.State == SafeZoneBookingState.Booked && b.Days.Contains(day))];

    private static BookingDecision Forbidden(string reason) => new(SafeZoneOutcome.Forbidden, reason);
}
