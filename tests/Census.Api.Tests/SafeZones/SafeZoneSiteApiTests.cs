using System.Text.Json.Nodes;
using static Census.Api.Tests.SafeZones.SafeZoneScene;

namespace Census.Api.Tests.SafeZones;

[Collection(SafeZonesCollection.Name)]
public sealed class SafeZoneSiteApiTests(GatewayFixture gateway)
{
    [Fact]
    public async Task An_admin_creates_a_site_that_any_key_can_read_and_list()
    {
        var (operatorId, _) = await NewPrincipal(gateway, "zone-operator", "kisti");
        var (_, requesterKey) = await NewPrincipal(gateway, "requester", "acme-lab");
        var site = Ids.New("zone");

        using var created = await gateway.Admin.Client.PostAsync(Base, SiteBody(site, 12, [operatorId], new JsonArray("friday", "monday")).AsJson());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Base}/{site}", created.Headers.Location!.OriginalString);
        var body = await created.ReadJson();
        Assert.Equal(12, body.GetProperty("seats").GetInt32());
        Assert.Equal(["monday", "friday"], body.GetProperty("openWeekdays").EnumerateArray().Select(d => d.GetString()));
        using var requester = gateway.Factory.ClientWithKey(requesterKey);
        using var read = await requester.GetAsync($"{Base}/{site}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var list = await requester.GetAsync($"{Base}?pageSize=100");
        Assert.Contains(site, (await list.ReadJson()).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Creating_a_site_twice_is_a_conflict()
    {
        var scene = await Arrange(gateway);

        using var again = await scene.Admin.PostAsync(Base, SiteBody(scene.Site, 5, [scene.OperatorId]).AsJson());

        await again.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_site_whose_operator_is_not_a_registered_zone_operator_is_unprocessable_and_not_created()
    {
        var (requesterId, _) = await NewPrincipal(gateway, "requester", "acme-lab");
        var site = Ids.New("zone");

        using var created = await gateway.Admin.Client.PostAsync(Base, SiteBody(site, 5, [requesterId]).AsJson());

        await created.AssertProblem(HttpStatusCode.UnprocessableEntity);
        using var read = await gateway.Admin.Client.GetAsync($"{Base}/{site}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_malformed_site_names_its_fields()
    {
        var body = SiteBody(Ids.New("zone"), 0, []);
        body["openWeekdays"] = new JsonArray("monday", "monday");

        using var created = await gateway.Admin.Client.PostAsync(Base, body.AsJson());

        await created.AssertFieldErrors("seats", "openWeekdays", "operators");
    }

    [Fact]
    public async Task Only_an_admin_creates_a_site()
    {
        var scene = await Arrange(gateway);

        using var asOperator = await scene.Operator.PostAsync(Base, SiteBody(Ids.New("zone"), 5, [scene.OperatorId]).AsJson());

        await asOperator.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_operator_closes_a_day_and_opens_it_again()
    {
        var scene = await Arrange(gateway);
        var day = Text(Today.AddDays(3));

        using var closed = await scene.Operator.PutAsync($"{Base}/{scene.Site}/closures/{day}", new JsonObject { ["reason"] = "소방 점검" }.AsJson());
        using var booking = await scene.Book(scene.Requester, scene.GrantId, 1, Today.AddDays(3));
        using var reopened = await scene.Operator.DeleteAsync($"{Base}/{scene.Site}/closures/{day}");

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(day, (await closed.ReadJson()).GetProperty("closures")[0].GetProperty("day").GetString());
        Assert.Contains($"closed on {day}", (await booking.AssertProblem(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(0, (await reopened.ReadJson()).GetProperty("closures").GetArrayLength());
    }

    [Fact]
    public async Task A_day_with_bookings_is_closed_only_after_they_are_cancelled()
    {
        var scene = await Arrange(gateway);
        var day = Today.AddDays(2);
        var booking = await scene.Booked(1, day);
        var closure = $"{Base}/{scene.Site}/closures/{Text(day)}";

        using var refused = await scene.Operator.PutAsync(closure, new JsonObject { ["reason"] = "정전" }.AsJson());
        using var cancelled = await scene.Post(scene.Operator, $"{scene.Bookings}/{booking}/cancel", new JsonObject { ["reason"] = "정전으로 휴관" });
        using var closed = await scene.Operator.PutAsync(closure, new JsonObject { ["reason"] = "정전" }.AsJson());

        Assert.Contains(booking, (await refused.AssertProblem(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
    }

    [Fact]
    public async Task Another_sites_operator_may_not_close_a_day()
    {
        var scene = await Arrange(gateway);
        var other = await Arrange(gateway);

        using var refused = await other.Operator.PutAsync($"{Base}/{scene.Site}/closures/{Text(Today.AddDays(2))}", new JsonObject { ["reason"] = "x" }.AsJson());

        await refused.AssertProblem(HttpStatusCode.Forbidden);
        using var site = await scene.Admin.GetAsync($"{Base}/{scene.Site}");
        Assert.Equal(0, (await site.ReadJson()).GetProperty("closures").GetArrayLength());
    }

    [Fact]
    public async Task A_closure_on_a_malformed_day_or_without_a_reason_is_400()
    {
        var scene = await Arrange(gateway);

        using var badDay = await scene.Operator.PutAsync($"{Base}/{scene.Site}/closures/2026-13-01", new JsonObject { ["reason"] = "x" }.AsJson());
        using var noReason = await scene.Operator.PutAsync($"{Base}/{scene.Site}/closures/{Text(Today.AddDays(1))}", new JsonObject { ["reason"] = " " }.AsJson());

        await badDay.AssertFieldErrors("day");
        await noReason.AssertFieldErrors("reason");
    }

    [Fact]
    public async Task An_unknown_site_is_404()
    {
        using var read = await gateway.Admin.Client.GetAsync($"{Base}/{Ids.New("zone")}");

        await read.AssertProblem(HttpStatusCode.NotFound);
    }
}
