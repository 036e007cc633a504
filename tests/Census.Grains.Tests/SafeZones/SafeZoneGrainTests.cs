using Census.Contracts.Access;
using Census.Contracts.SafeZones;
using Census.Domain.SafeZones;

namespace Census.Grains.Tests.SafeZones;

[Collection(ClusterCollection.Name)]
public sealed class SafeZoneGrainTests(ClusterFixture fixture)
{
    private static DateOnly Today => KoreaTime.DateOf(DateTimeOffset.UtcNow);

    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    private async Task<ISafeZoneSiteGrain> NewSite(int seats)
    {
        var id = UniqueIds.Next("zone");
        var site = fixture.Client.GetGrain<ISafeZoneSiteGrain>(id);
        var created = await site.Create(new SafeZoneSite(id, "안심구역", "세종시", seats, EveryDay, ["op-1"], [], default, ""), "admin");
        Assert.Equal(SafeZoneOutcome.Created, created.Outcome);
        return site;
    }

    private async Task<Grant> NewGrant(string requester)
    {
        var id = UniqueIds.Next("grant");
        var now = DateTimeOffset.UtcNow;
        return await fixture.Client.GetGrain<IGrantGrain>(id).Issue(new Grant(
            id, "inst-a", "ds-a", "1.0", GrantKind.SafeZone, requester, "org-1", null, null, now.AddHours(-1), now.AddDays(20),
            GrantStatus.Live, now, "admin", null, null, null));
    }

    private static BookingRequest Request(Grant grant, int seats, params DateOnly[] days) =>
        new(UniqueIds.Next("b"), grant.Id, grant.RequesterId, "org-1", days, seats, "principal:" + grant.RequesterId);

    [Fact]
    public async Task Concurrent_bookings_from_many_requesters_fill_exactly_the_seats()
    {
        var site = await NewSite(seats: 10);
        var grants = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => NewGrant(UniqueIds.Next("req"))));
        var day = Today.AddDays(2);

        var results = await Task.WhenAll(grants.Select(g => site.Book(Request(g, 1, day))));

        Assert.Equal(10, results.Count(r => r.Outcome == SafeZoneOutcome.Created));
        Assert.All(results.Where(r => r.Outcome != SafeZoneOutcome.Created), r => Assert.Equal(SafeZoneOutcome.Conflict, r.Outcome));
        var stored = await site.BookingsOn(day);
        Assert.Equal(10, stored.Sum(b => b.Seats));
        Assert.Equal(
            results.Where(r => r.Outcome == SafeZoneOutcome.Created).Select(r => r.Booking!.Id).Order(),
            stored.Select(b => b.Id).Order());
    }

    [Fact]
    public async Task A_booking_is_made_on_every_day_or_on_none()
    {
        var site = await NewSite(seats: 2);
        var first = await NewGrant(UniqueIds.Next("req"));
        var second = await NewGrant(UniqueIds.Next("req"));
        await site.Book(Request(first, 2, Today.AddDays(3)));

        var refused = await site.Book(Request(second, 1, Today.AddDays(1), Today.AddDays(3)));

        Assert.Equal(SafeZoneOutcome.Conflict, refused.Outcome);
        Assert.Contains($"full on {SafeZoneRules.Format(Today.AddDays(3))}", refused.Detail);
        Assert.Empty(await site.BookingsOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task The_same_booking_asked_again_answers_the_stored_one_and_takes_no_more_seats()
    {
        var site = await NewSite(seats: 3);
        var grant = await NewGrant(UniqueIds.Next("req"));
        var request = Request(grant, 2, Today.AddDays(1));

        var first = await site.Book(request);
        var again = await site.Book(request);

        Assert.Equal(SafeZoneOutcome.Created, first.Outcome);
        Assert.Equal(SafeZoneOutcome.Replayed, again.Outcome);
        Assert.Equal(first.Booking!.Id, again.Booking!.Id);
        Assert.Equal(2, (await site.BookingsOn(Today.AddDays(1))).Sum(b => b.Seats));
    }

    [Fact]
    public async Task A_booking_id_reused_for_another_booking_is_unprocessable()
    {
        var site = await NewSite(seats: 3);
        var grant = await NewGrant(UniqueIds.Next("req"));
        var request = Request(grant, 1, Today.AddDays(1));
        await site.Book(request);

        var other = await site.Book(request with { Seats = 2 });

        Assert.Equal(SafeZoneOutcome.Unprocessable, other.Outcome);
        Assert.Equal(1, (await site.BookingsOn(Today.AddDays(1))).Sum(b => b.Seats));
    }

    [Fact]
    public async Task Cancelling_frees_the_seats_and_cancelling_again_is_a_conflict()
    {
        var site = await NewSite(seats: 1);
        var first = await NewGrant(UniqueIds.Next("req"));
        var second = await NewGrant(UniqueIds.Next("req"));
        var made = (await site.Book(Request(first, 1, Today.AddDays(1)))).Booking!;

        var cancelled = await site.Cancel(made.Id, "일정 변경", "principal:x");
        var again = await site.Cancel(made.Id, "일정 변경", "principal:x");
        var next = await site.Book(Request(second, 1, Today.AddDays(1)));

        Assert.Equal(SafeZoneOutcome.Ok, cancelled.Outcome);
        Assert.Equal(SafeZoneBookingState.Cancelled, cancelled.Booking!.State);
        Assert.Equal("일정 변경", cancelled.Booking.CancelReason);
        Assert.Equal(SafeZoneOutcome.Conflict, again.Outcome);
        Assert.Equal(SafeZoneOutcome.Created, next.Outcome);
    }

    [Fact]
    public async Task A_day_with_bookings_is_not_closed_until_they_are_cancelled()
    {
        var site = await NewSite(seats: 4);
        var grant = await NewGrant(UniqueIds.Next("req"));
        var made = (await site.Book(Request(grant, 1, Today.AddDays(2)))).Booking!;

        var refused = await site.Close(Today.AddDays(2), "소방 점검", "op-1");
        await site.Cancel(made.Id, "소방 점검으로 휴관", "op-1");
        var closed = await site.Close(Today.AddDays(2), "소방 점검", "op-1");

        Assert.Equal(SafeZoneOutcome.Conflict, refused.Outcome);
        Assert.Contains(made.Id, refused.Detail);
        Assert.Equal(SafeZoneOutcome.Ok, closed.Outcome);
        Assert.Equal([Today.AddDays(2)], closed.Site!.Closures.Select(c => c.Day));
    }

    [Fact]
    public async Task A_booking_is_checked_in_then_out_once_each_on_its_day()
    {
        var site = await NewSite(seats: 4);
        var grant = await NewGrant(UniqueIds.Next("req"));
        var made = (await site.Book(Request(grant, 1, Today))).Booking!;

        var outFirst = await site.CheckOut(made.Id, "op-1");
        var checkedIn = await site.CheckIn(made.Id, "op-1");
        var inAgain = await site.CheckIn(made.Id, "op-1");
        var checkedOut = await site.CheckOut(made.Id, "op-1");
        var outAgain = await site.CheckOut(made.Id, "op-1");

        Assert.Equal(SafeZoneOutcome.Conflict, outFirst.Outcome);
        Assert.Equal(SafeZoneOutcome.Ok, checkedIn.Outcome);
        Assert.Equal(SafeZoneOutcome.Conflict, inAgain.Outcome);
        Assert.Equal(SafeZoneOutcome.Ok, checkedOut.Outcome);
        Assert.Equal(SafeZoneOutcome.Conflict, outAgain.Outcome);
        var visit = Assert.Single(checkedOut.Booking!.Visits);
        Assert.Equal(Today, visit.Day);
        Assert.NotNull(visit.CheckedOutAt);
    }

    [Fact]
    public async Task A_booking_not_for_today_is_not_checked_in()
    {
        var site = await NewSite(seats: 4);
        var grant = await NewGrant(UniqueIds.Next("req"));
        var made = (await site.Book(Request(grant, 1, Today.AddDays(1)))).Booking!;

        Assert.Equal(SafeZoneOutcome.Conflict, (await site.CheckIn(made.Id, "op-1")).Outcome);
        Assert.Empty((await site.Booking(made.Id))!.Visits);
    }

    [Fact]
    public async Task Creating_a_site_twice_is_a_conflict_and_lists_it_once()
    {
        var site = await NewSite(seats: 4);
        var existing = (await site.Get())!;

        var again = await site.Create(existing with { Seats = 9 }, "admin");

        Assert.Equal(SafeZoneOutcome.Conflict, again.Outcome);
        Assert.Equal(4, (await site.Get())!.Seats);
        var ids = await fixture.Client.GetGrain<ISafeZoneRegistryGrain>(ISafeZoneRegistryGrain.Key).Ids();
        Assert.Single(ids, id => id == existing.Id);
    }
}
