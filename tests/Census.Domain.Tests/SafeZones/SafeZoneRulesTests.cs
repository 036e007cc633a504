using Census.Contracts.SafeZones;
using Census.Domain.SafeZones;

namespace Census.Domain.Tests.SafeZones;

public class SafeZoneRulesTests
{
    private static NewSafeZoneSite ValidSite => new()
    {
        Id = "zone-a", Name = "세종 안심구역", Address = "세종시 한누리대로", Seats = 10,
        OpenWeekdays = [DayOfWeek.Friday, DayOfWeek.Monday], Operators = ["op-1"],
    };

    private static NewSafeZoneBooking ValidBooking => new() { GrantId = "grant-1", Days = [new DateOnly(2026, 12, 3)], Seats = 1 };

    [Fact]
    public void A_valid_site_keeps_its_weekdays_in_week_order()
    {
        var validated = SafeZoneRules.Validate(ValidSite);

        Assert.True(validated.IsValid);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], validated.Value!.OpenWeekdays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void Seats_outside_1_to_500_are_refused(int seats)
    {
        Assert.Contains("seats", SafeZoneRules.Validate(ValidSite with { Seats = seats }).Errors!.ToDictionary().Keys);
    }

    [Fact]
    public void A_site_without_weekdays_or_operators_or_with_repeats_is_refused()
    {
        Assert.Contains("openWeekdays", SafeZoneRules.Validate(ValidSite with { OpenWeekdays = [] }).Errors!.ToDictionary().Keys);
        Assert.Contains("openWeekdays", SafeZoneRules.Validate(ValidSite with { OpenWeekdays = [DayOfWeek.Monday, DayOfWeek.Monday] }).Errors!.ToDictionary().Keys);
        Assert.Contains("operators", SafeZoneRules.Validate(ValidSite with { Operators = [] }).Errors!.ToDictionary().Keys);
        Assert.Contains("operators[0]", SafeZoneRules.Validate(ValidSite with { Operators = ["Not An Id"] }).Errors!.ToDictionary().Keys);
    }

    [Fact]
    public void A_booking_of_1_to_25_distinct_days_is_valid()
    {
        Assert.True(SafeZoneRules.Validate(ValidBooking).IsValid);
        Assert.True(SafeZoneRules.Validate(ValidBooking with { Days = [.. Enumerable.Range(0, 25).Select(i => new DateOnly(2026, 12, 1).AddDays(i))] }).IsValid);
    }

    [Fact]
    public void A_booking_of_no_days_26_days_or_a_repeated_day_is_refused()
    {
        Assert.Contains("days", SafeZoneRules.Validate(ValidBooking with { Days = [] }).ToDictionary().Keys);
        Assert.Contains("days", SafeZoneRules.Validate(ValidBooking with { Days = [.. Enumerable.Range(0, 26).Select(i => new DateOnly(2026, 12, 1).AddDays(i))] }).ToDictionary().Keys);
        Assert.Contains("days", SafeZoneRules.Validate(ValidBooking with { Days = [new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 3)] }).ToDictionary().Keys);
    }

    [Fact]
    public void A_booking_of_no_seats_is_refused()
    {
        Assert.Contains("seats", SafeZoneRules.Validate(ValidBooking with { Seats = 0 }).ToDictionary().Keys);
        Assert.Contains("seats", SafeZoneRules.Validate(ValidBooking with { Seats = null }).ToDictionary().Keys);
    }

    [Theory]
    [InlineData("2026-12-03", true)]
    [InlineData("2026-2-3", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("20261203", false)]
    [InlineData("", false)]
    public void Path_days_are_yyyy_MM_dd(string text, bool valid)
    {
        Assert.Equal(valid, SafeZoneRules.ParseDay(text) is not null);
    }
}
