using System.Text.Json.Nodes;
using Census.Contracts.Access;
using Microsoft.Extensions.DependencyInjection;
using static Census.Api.Tests.SafeZones.SafeZoneScene;

namespace Census.Api.Tests.SafeZones;

[Collection(SafeZonesCollection.Name)]
public sealed class SafeZoneBookingApiTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_requester_books_seats_inside_their_grant_and_finds_the_booking_as_theirs()
    {
        var scene = await Arrange(gateway, seats: 3);
        var days = new[] { Today.AddDays(1), Today.AddDays(2) };

        using var made = await scene.Book(scene.Requester, scene.GrantId, 2, days);

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var booking = await made.ReadJson();
        var id = booking.GetProperty("id").GetString()!;
        Assert.Equal($"{scene.Bookings}/{id}", made.Headers.Location!.OriginalString);
        Assert.Equal("booked", booking.GetProperty("state").GetString());
        Assert.Equal(days.Select(Text), booking.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("inst-zone", booking.GetProperty("institutionId").GetString());
        using var mine = await scene.Requester.GetAsync($"{Base}/bookings/mine");
        Assert.Equal([id], (await mine.ReadJson()).EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        using var read = await scene.Requester.GetAsync($"{scene.Bookings}/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal([id], await scene.HoldingOn(days[1]));
    }

    [Fact]
    public async Task Booking_with_another_requesters_grant_is_forbidden_and_books_nothing()
    {
        var scene = await Arrange(gateway);
        var (_, otherKey) = await NewPrincipal(gateway, "requester", "other-lab");
        using var other = gateway.Factory.ClientWithKey(otherKey);

        using var refused = await scene.Book(other, scene.GrantId, 1, Today.AddDays(1));

        await refused.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Empty(await scene.HoldingOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task Booking_with_an_expired_grant_is_forbidden_and_books_nothing()
    {
        var scene = await Arrange(gateway);
        var now = DateTimeOffset.UtcNow;
        var expired = await IssueGrant(gateway, scene.RequesterId, from: now.AddDays(-10), until: now.AddMinutes(-1));

        using var refused = await scene.Book(scene.Requester, expired.Id, 1, Today.AddDays(1));

        await refused.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Empty(await scene.HoldingOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task Booking_with_a_revoked_grant_is_forbidden_and_books_nothing()
    {
        var scene = await Arrange(gateway);
        await gateway.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IGrantGrain>(scene.GrantId).Revoke("협약 위반", "admin");

        using var refused = await scene.Book(scene.Requester, scene.GrantId, 1, Today.AddDays(1));

        Assert.Contains("revoked", (await refused.AssertProblem(HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        Assert.Empty(await scene.HoldingOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task Booking_with_a_download_grant_or_no_grant_is_forbidden()
    {
        var scene = await Arrange(gateway);
        var download = await IssueGrant(gateway, scene.RequesterId, GrantKind.Download);

        using var wrongKind = await scene.Book(scene.Requester, download.Id, 1, Today.AddDays(1));
        using var none = await scene.Book(scene.Requester, Ids.New("grant"), 1, Today.AddDays(1));

        await wrongKind.AssertProblem(HttpStatusCode.Forbidden);
        await none.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Empty(await scene.HoldingOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task A_day_outside_the_grant_is_forbidden_and_no_day_is_booked()
    {
        var scene = await Arrange(gateway);
        var shortGrant = await IssueGrant(gateway, scene.RequesterId, until: DateTimeOffset.UtcNow.AddDays(3));
        var outside = Today.AddDays(6);

        using var refused = await scene.Book(scene.Requester, shortGrant.Id, 1, Today.AddDays(1), outside);

        Assert.Contains($"{Text(outside)} is outside the grant", (await refused.AssertProblem(HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        Assert.Empty(await scene.HoldingOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task Booking_beyond_the_seats_on_any_day_is_a_conflict_and_books_no_day()
    {
        var scene = await Arrange(gateway, seats: 2);
        var first = await scene.Booked(2, Today.AddDays(2));
        var (otherId, otherKey) = await NewPrincipal(gateway, "requester", "other-lab");
        var otherGrant = await IssueGrant(gateway, otherId);
        using var other = gateway.Factory.ClientWithKey(otherKey);

        using var refused = await scene.Book(other, otherGrant.Id, 1, Today.AddDays(1), Today.AddDays(2));

        Assert.Contains($"full on {Text(Today.AddDays(2))}", (await refused.AssertProblem(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Empty(await scene.HoldingOn(Today.AddDays(1)));
        Assert.Equal([first], await scene.HoldingOn(Today.AddDays(2)));
    }

    [Fact]
    public async Task More_seats_than_the_site_has_is_unprocessable()
    {
        var scene = await Arrange(gateway, seats: 2);

        using var refused = await scene.Book(scene.Requester, scene.GrantId, 3, Today.AddDays(1));

        await refused.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Empty(await scene.HoldingOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task A_day_the_site_does_not_open_is_unprocessable_naming_the_day()
    {
        var tomorrow = Today.AddDays(1);
        var open = Enum.GetValues<DayOfWeek>().Where(d => d != tomorrow.DayOfWeek).Select(d => (JsonNode)d.ToString().ToLowerInvariant());
        var scene = await Arrange(gateway, openWeekdays: new JsonArray([.. open]));

        using var refused = await scene.Book(scene.Requester, scene.GrantId, 1, tomorrow);

        Assert.Contains(Text(tomorrow), (await refused.AssertProblem(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        Assert.Empty(await scene.HoldingOn(tomorrow));
    }

    [Fact]
    public async Task A_closed_day_is_a_conflict_naming_the_day()
    {
        var scene = await Arrange(gateway);
        var day = Today.AddDays(4);
        using var closed = await scene.Admin.PutAsync($"{Base}/{scene.Site}/closures/{Text(day)}", new JsonObject { ["reason"] = "휴관" }.AsJson());

        using var refused = await scene.Book(scene.Requester, scene.GrantId, 1, Today.AddDays(1), day);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Contains($"closed on {Text(day)}", (await refused.AssertProblem(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Empty(await scene.HoldingOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task A_past_day_is_unprocessable()
    {
        var scene = await Arrange(gateway);
        var grant = await IssueGrant(gateway, scene.RequesterId, from: DateTimeOffset.UtcNow.AddDays(-5));

        using var refused = await scene.Book(scene.Requester, grant.Id, 1, Today.AddDays(-1));

        await refused.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Empty(await scene.HoldingOn(Today.AddDays(-1)));
    }

    [Fact]
    public async Task A_malformed_booking_names_its_fields()
    {
        var scene = await Arrange(gateway);
        var body = new JsonObject { ["grantId"] = "Bad Id", ["days"] = new JsonArray(), ["seats"] = 0 };

        using var refused = await scene.Requester.PostAsync(scene.Bookings, body.AsJson());

        await refused.AssertFieldErrors("grantId", "days", "seats");
    }

    [Fact]
    public async Task An_agency_or_an_operator_may_not_book()
    {
        var scene = await Arrange(gateway);
        var institution = await gateway.NewInstitution();
        var (_, agencyKey) = await gateway.Admin.IssueValidKey(institution);
        using var agency = gateway.Factory.ClientWithKey(agencyKey);

        using var asAgency = await scene.Book(agency, scene.GrantId, 1, Today.AddDays(1));
        using var asOperator = await scene.Book(scene.Operator, scene.GrantId, 1, Today.AddDays(1));
        using var agencyList = await agency.GetAsync($"{scene.Bookings}?day={Text(Today.AddDays(1))}");

        await asAgency.AssertProblem(HttpStatusCode.Forbidden);
        await asOperator.AssertProblem(HttpStatusCode.Forbidden);
        await agencyList.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Empty(await scene.HoldingOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_books_once()
    {
        var scene = await Arrange(gateway);
        var key = Guid.NewGuid().ToString();

        using var first = await SendWithKey(scene, key);
        using var again = await SendWithKey(scene, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Single(await scene.HoldingOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task The_requester_cancels_their_booking_and_the_seats_are_free_again()
    {
        var scene = await Arrange(gateway, seats: 1);
        var booking = await scene.Booked(1, Today.AddDays(1));

        using var cancelled = await scene.Post(scene.Requester, $"{scene.Bookings}/{booking}/cancel", new JsonObject { ["reason"] = "일정 변경" });
        using var again = await scene.Post(scene.Requester, $"{scene.Bookings}/{booking}/cancel", new JsonObject { ["reason"] = "일정 변경" });
        using var rebooked = await scene.Book(scene.Requester, scene.GrantId, 1, Today.AddDays(1));

        Assert.Equal("cancelled", (await cancelled.ReadJson()).GetProperty("state").GetString());
        await again.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, rebooked.StatusCode);
    }

    [Fact]
    public async Task Another_requester_may_neither_read_nor_cancel_a_booking()
    {
        var scene = await Arrange(gateway);
        var booking = await scene.Booked(1, Today.AddDays(1));
        var (_, otherKey) = await NewPrincipal(gateway, "requester", "other-lab");
        using var other = gateway.Factory.ClientWithKey(otherKey);

        using var read = await other.GetAsync($"{scene.Bookings}/{booking}");
        using var cancel = await scene.Post(other, $"{scene.Bookings}/{booking}/cancel", new JsonObject { ["reason"] = "x" });

        await read.AssertProblem(HttpStatusCode.Forbidden);
        await cancel.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal([booking], await scene.HoldingOn(Today.AddDays(1)));
    }

    [Fact]
    public async Task The_sites_operator_lists_the_days_bookings_and_a_requester_may_not()
    {
        var scene = await Arrange(gateway);
        var booking = await scene.Booked(1, Today.AddDays(1));

        using var asOperator = await scene.Operator.GetAsync($"{scene.Bookings}?day={Text(Today.AddDays(1))}");
        using var asRequester = await scene.Requester.GetAsync($"{scene.Bookings}?day={Text(Today.AddDays(1))}");
        using var noDay = await scene.Operator.GetAsync(scene.Bookings);

        Assert.Equal([booking], (await asOperator.ReadJson()).EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        await asRequester.AssertProblem(HttpStatusCode.Forbidden);
        await noDay.AssertFieldErrors("day");
    }

    [Fact]
    public async Task The_sites_operator_checks_a_booking_in_and_out_once_each()
    {
        var scene = await Arrange(gateway);
        var booking = await scene.Booked(1, Today);
        var path = $"{scene.Bookings}/{booking}";

        using var outFirst = await scene.Post(scene.Operator, path + "/check-out");
        using var checkedIn = await scene.Post(scene.Operator, path + "/check-in");
        using var inAgain = await scene.Post(scene.Operator, path + "/check-in");
        using var checkedOut = await scene.Post(scene.Operator, path + "/check-out");
        using var outAgain = await scene.Post(scene.Operator, path + "/check-out");

        await outFirst.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
        await inAgain.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, checkedOut.StatusCode);
        await outAgain.AssertProblem(HttpStatusCode.Conflict);
        var visit = (await checkedOut.ReadJson()).GetProperty("visits")[0];
        Assert.Equal(Text(Today), visit.GetProperty("day").GetString());
        Assert.Equal(JsonValueKind.String, visit.GetProperty("checkedOutAt").ValueKind);
    }

    [Fact]
    public async Task Another_sites_operator_and_the_requester_may_not_check_in()
    {
        var scene = await Arrange(gateway);
        var other = await Arrange(gateway);
        var booking = await scene.Booked(1, Today);

        using var byOtherOperator = await scene.Post(other.Operator, $"{scene.Bookings}/{booking}/check-in");
        using var byRequester = await scene.Post(scene.Requester, $"{scene.Bookings}/{booking}/check-in");

        await byOtherOperator.AssertProblem(HttpStatusCode.Forbidden);
        await byRequester.AssertProblem(HttpStatusCode.Forbidden);
        using var read = await scene.Admin.GetAsync($"{scene.Bookings}/{booking}");
        Assert.Equal(0, (await read.ReadJson()).GetProperty("visits").GetArrayLength());
    }

    private static async Task<HttpResponseMessage> SendWithKey(SafeZoneScene scene, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, scene.Bookings) { Content = BookingBody(scene.GrantId, 1, Today.AddDays(1)).AsJson() };
        request.Headers.Add("Idempotency-Key", key);
        return await scene.Requester.SendAsync(request);
    }
}
