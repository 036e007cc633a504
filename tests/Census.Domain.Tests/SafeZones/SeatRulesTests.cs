using Census.Contracts.Access;
using Census.Contracts.SafeZones;
using Census.Domain.SafeZones;
using static Census.Domain.Tests.SafeZones.ZoneFixtures;

namespace Census.Domain.Tests.SafeZones;

public class SeatRulesTests
{
    [Fact]
    public void Seats_that_fit_on_every_day_are_allowed()
    {
        var bookings = new[] { Booking("b-1", 2, Day(1)) };

        Assert.Null(SeatRules.SeatRefusal(Site(seats: 3), bookings, [Day(1), Day(2)], 1, Today));
    }

    [Fact]
    public void A_day_without_enough_free_seats_is_a_conflict_naming_the_day()
    {
        var bookings = new[] { Booking("b-1", 2, Day(2)) };

        var refused = SeatRules.SeatRefusal(Site(seats: 3), bookings, [Day(1), Day(2)], 2, Today);

        Assert.Equal(SafeZoneOutcome.Conflict, refused!.Outcome);
        Assert.Contains("full on 2026-12-04", refused.Reason);
    }

    [Fact]
    public void Cancelled_bookings_hold_no_seats()
    {
        var bookings = new[] { Booking("b-1", 3, Day(1)) with { State = SafeZoneBookingState.Cancelled } };

        Assert.Null(SeatRules.SeatRefusal(Site(seats: 3), bookings, [Day(1)], 3, Today));
        Assert.Equal(0, SeatRules.Taken(bookings, Day(1)));
    }

    [Fact]
    public void More_seats_than_the_site_has_is_unprocessable()
    {
        Assert.Equal(SafeZoneOutcome.Unprocessable, SeatRules.SeatRefusal(Site(seats: 3), [], [Day(1)], 4, Today)!.Outcome);
    }

    [Fact]
    public void A_past_day_is_unprocessable_and_today_is_allowed()
    {
        Assert.Equal(SafeZoneOutcome.Unprocessable, SeatRules.SeatRefusal(Site(), [], [Day(-1)], 1, Today)!.Outcome);
        Assert.Null(SeatRules.SeatRefusal(Site(), [], [Today], 1, Today));
    }

    [Fact]
    public void A_day_the_site_does_not_open_is_unprocessable_naming_the_day()
    {
        var saturday = Day(3);

        var refused = SeatRules.SeatRefusal(Site(), [], [Day(1), saturday], 1, Today);

        Assert.Equal(SafeZoneOutcome.Unprocessable, refused!.Outcome);
        Assert.Contains("2026-12-05, a saturday", refused.Reason);
    }

    [Fact]
    public void A_closed_day_is_a_conflict_naming_the_day_and_the_reason()
    {
        var site = Site(closures: new SafeZoneClosure(Day(1), "정전 점검", Now, "op-1"));

        var refused = SeatRules.SeatRefusal(site, [], [Day(1)], 1, Today);

        Assert.Equal(SafeZoneOutcome.Conflict, refused!.Outcome);
        Assert.Contains("closed on 2026-12-03: 정전 점검", refused.Reason);
    }

    [Fact]
    public void A_live_safe_zone_grant_of_the_caller_allows_days_inside_its_period()
    {
        Assert.Null(SeatRules.GrantRefusal(Grant(), "req-1", [Day(0), Day(29)], Now));
    }

    [Theory]
    [InlineData("other")]
    [InlineData("download")]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("not-yet")]
    public void A_grant_that_does_not_allow_the_booking_is_forbidden(string why)
    {
        var grant = why switch
        {
            "other" => Grant(requester: "req-2"),
            "download" => Grant(kind: GrantKind.Download),
            "revoked" => Grant(status: GrantStatus.Revoked),
            "expired" => Grant(from: Now.AddDays(-10), until: Now.AddMinutes(-1)),
            _ => Grant(from: Now.AddHours(1)),
        };

        Assert.Equal(SafeZoneOutcome.Forbidden, SeatRules.GrantRefusal(grant, "req-1", [Day(1)], Now)!.Outcome);
    }

    [Fact]
    public void A_day_after_the_grant_is_outside_it()
    {
        var refused = SeatRules.GrantRefusal(Grant(until: Now.AddDays(5)), "req-1", [Day(1), Day(6)], Now);

        Assert.Equal(SafeZoneOutcome.Forbidden, refused!.Outcome);
        Assert.Contains("2026-12-08 is outside the grant", refused.Reason);
    }

    [Fact]
    public void The_grant_period_is_compared_as_dates_in_Korea()
    {
        // 15:30 UTC on the 10th is 00:30 on the 11th in Seoul: the 11th is the grant's last day there.
        var grant = Grant(until: new DateTimeOffset(2026, 12, 10, 15, 30, 0, TimeSpan.Zero));

        Assert.Null(SeatRules.GrantRefusal(grant, "req-1", [new DateOnly(2026, 12, 11)], Now));
        Assert.NotNull(SeatRules.GrantRefusal(grant, "req-1", [new DateOnly(2026, 12, 12)], Now));
    }

    [Fact]
    public void Korea_date_of_a_moment_is_nine_hours_ahead_of_UTC()
    {
        Assert.Equal(new DateOnly(2026, 12, 3), KoreaTime.DateOf(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 12, 2), KoreaTime.DateOf(new DateTimeOffset(2026, 12, 2, 14, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Only_live_bookings_on_the_day_hold_it()
    {
        var bookings = new[]
        {
            Booking("b-1", 1, Day(1)), Booking("b-2", 1, Day(2)),
            Booking("b-3", 1, Day(1)) with { State = SafeZoneBookingState.Cancelled },
        };

        Assert.Equal(["b-1"], SeatRules.Holding(bookings, Day(1)).Select(b => b.Id));
    }
}
