using Census.Contracts.Access;
using Census.Contracts.Ledger;
using Census.Contracts.SafeZones;
using Census.Domain.SafeZones;
using Census.Grains.SafeZones;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Census.Grains.Tests.SafeZones;

/// <summary>
/// The events a site owes its grants' dataset ledgers: stored with the booking (the outbox) and appended after. Each
/// check finds the event still owed in the stored state or, once a ledger grain answers, on that ledger.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SafeZoneLedgerOutboxTests(ClusterFixture fixture)
{
    private static readonly DateOnly Tomorrow = KoreaTime.DateOf(DateTimeOffset.UtcNow).AddDays(1);

    [Fact]
    public async Task A_booking_owes_booking_made_with_its_facts_to_the_grants_dataset_ledger()
    {
        var (site, grant) = await Arrange();
        var made = (await site.Book(new BookingRequest(UniqueIds.Next("b"), grant.Id, grant.RequesterId, "org-1", [Tomorrow], 2, "principal:r"))).Booking!;

        var recorded = await OwedOrAppended(site, "inst-ledger/ds-ledger", $"booking-made:{made.Id}");

        Assert.Equal(LedgerEventKinds.BookingMade, recorded.Kind);
        Assert.Equal("principal:r", recorded.Actor);
        Assert.Equal(made.Id, recorded.Facts["booking"]);
        Assert.Equal(grant.Id, recorded.Facts["grant"]);
        Assert.Equal(made.SiteId, recorded.Facts["site"]);
        Assert.Equal(grant.RequesterId, recorded.Facts["requester"]);
        Assert.Equal("2", recorded.Facts["seats"]);
        Assert.Equal(SafeZoneRules.Format(Tomorrow), recorded.Facts["days"]);
    }

    [Fact]
    public async Task A_booking_refused_outside_the_grant_owes_attempt_refused_and_books_nothing()
    {
        var (site, grant) = await Arrange();
        var bookingId = UniqueIds.Next("b");

        var refused = await site.Book(new BookingRequest(bookingId, grant.Id, "someone-else", "org-2", [Tomorrow], 1, "principal:someone-else"));

        Assert.Equal(SafeZoneOutcome.Forbidden, refused.Outcome);
        Assert.Empty(await site.BookingsOn(Tomorrow));
        var recorded = await OwedOrAppended(site, "inst-ledger/ds-ledger", $"attempt-refused:booking:{bookingId}");
        Assert.Equal("booking", recorded.Facts["what"]);
        Assert.Equal("someone-else", recorded.Facts["requester"]);
        Assert.Equal("org-2", recorded.Facts["organisation"]);
        Assert.Contains("not yours", recorded.Facts["reason"]);
    }

    [Fact]
    public async Task A_cancellation_owes_booking_cancelled_with_its_reason()
    {
        var (site, grant) = await Arrange();
        var made = (await site.Book(new BookingRequest(UniqueIds.Next("b"), grant.Id, grant.RequesterId, "org-1", [Tomorrow], 1, "principal:r"))).Booking!;
        await site.Cancel(made.Id, "일정 변경", "principal:r");

        var recorded = await OwedOrAppended(site, "inst-ledger/ds-ledger", $"booking-cancelled:{made.Id}");

        Assert.Equal("일정 변경", recorded.Facts["reason"]);
        Assert.Equal(made.SiteId, recorded.Facts["site"]);
    }

    private async Task<(ISafeZoneSiteGrain Site, Grant Grant)> Arrange()
    {
        var id = UniqueIds.Next("zone");
        var site = fixture.Client.GetGrain<ISafeZoneSiteGrain>(id);
        await site.Create(new SafeZoneSite(id, "안심구역", "세종시", 4, Enum.GetValues<DayOfWeek>(), ["op-1"], [], default, ""), "admin");
        var grantId = UniqueIds.Next("grant");
        var now = DateTimeOffset.UtcNow;
        var grant = await fixture.Client.GetGrain<IGrantGrain>(grantId).Issue(new Grant(
            grantId, "inst-ledger", "ds-ledger", "1.0", GrantKind.SafeZone, UniqueIds.Next("req"), "org-1", null, null,
            now.AddHours(-1), now.AddDays(10), GrantStatus.Live, now, "admin", null, null, null));
        return (site, grant);
    }

    /// <summary>The event as the site's stored outbox holds it or, once appended, as the dataset's ledger holds it.</summary>
    private async Task<LedgerEvent> OwedOrAppended(ISafeZoneSiteGrain site, string datasetKey, string eventId)
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(Census.Grains.Storage.StorageNames.Census);
        var state = new GrainState<SafeZoneSiteState>(new SafeZoneSiteState());
        await storage.ReadStateAsync("safe-zone-site", site.GetGrainId(), state);
        if (state.State.Owed.FirstOrDefault(o => o.Event.Id == eventId) is { } owed)
        {
            Assert.Equal(datasetKey, owed.DatasetKey);
            return owed.Event;
        }

        var entries = await fixture.Client.GetGrain<ILedgerGrain>(datasetKey).Read(1, 500);
        var entry = Assert.Single(entries.Items, e => e.EventId == eventId);
        return System.Text.Json.JsonSerializer.Deserialize<LedgerEvent>(entry.Event, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }
}
