using System.Text.Json.Nodes;
using Census.Contracts.Access;
using Census.Domain.SafeZones;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Api.Tests.SafeZones;

/// <summary>
/// A site open every day, its operator, and a requester with a live safe-zone grant, all fresh; grants are issued on
/// the test host's grain client (the grant routes are the lead's).
/// </summary>
public sealed record SafeZoneScene(
    GatewayFixture Gateway, string Site, string OperatorId, string OperatorKey, HttpClient Operator,
    string RequesterId, string RequesterKey, HttpClient Requester, string GrantId)
{
    public const string Base = "/api/v1/safe-zones";

    public static DateOnly Today => KoreaTime.DateOf(DateTimeOffset.UtcNow);

    public static string Text(DateOnly day) => SafeZoneRules.Format(day);

    public string Bookings => $"{Base}/{Site}/bookings";

    public HttpClient Admin => Gateway.Admin.Client;

    public static async Task<SafeZoneScene> Arrange(GatewayFixture gateway, int seats = 3, JsonArray? openWeekdays = null)
    {
        var (operatorId, operatorKey) = await NewPrincipal(gateway, "zone-operator", "kisti");
        var (requesterId, requesterKey) = await NewPrincipal(gateway, "requester", "acme-lab");
        var site = Ids.New("zone");
        using var created = await gateway.Admin.Client.PostAsync(Base, SiteBody(site, seats, [operatorId], openWeekdays).AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var grant = await IssueGrant(gateway, requesterId);
        return new SafeZoneScene(
            gateway, site, operatorId, operatorKey, gateway.Factory.ClientWithKey(operatorKey),
            requesterId, requesterKey, gateway.Factory.ClientWithKey(requesterKey), grant.Id);
    }

    public static JsonObject SiteBody(string id, int seats, string[] operators, JsonArray? openWeekdays = null) => new()
    {
        ["id"] = id, ["name"] = "세종 안심구역 " + id, ["address"] = "세종특별자치시 한누리대로 2130", ["seats"] = seats,
        ["openWeekdays"] = openWeekdays ?? new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        ["operators"] = new JsonArray([.. operators.Select(o => (JsonNode)o)]),
    };

    public static async Task<(string Id, string Key)> NewPrincipal(GatewayFixture gateway, string role, string organisation)
    {
        var id = Ids.New(role == "requester" ? "req" : "op");
        if (role == "requester")
        {
            await Organisations.EnsureAsync(gateway.Admin.Client, organisation);
        }

        using var registered = await gateway.Admin.Client.PostAsync("/api/v1/principals", new JsonObject
        {
            ["id"] = id, ["name"] = "이용자 " + id, ["role"] = role, ["organisation"] = organisation,
        }.AsJson());
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var issued = await gateway.Admin.Client.PostAsync($"/api/v1/principals/{id}/api-keys", content: null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (id, (await issued.ReadJson()).GetProperty("apiKey").GetString()!);
    }

    public static async Task<Grant> IssueGrant(
        GatewayFixture gateway, string requesterId, GrantKind kind = GrantKind.SafeZone, DateTimeOffset? from = null, DateTimeOffset? until = null)
    {
        var id = Ids.New("grant");
        var now = DateTimeOffset.UtcNow;
        return await gateway.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IGrantGrain>(id).Issue(new Grant(
            id, "inst-zone", "ds-zone", "1.0", kind, requesterId, "acme-lab", null, null, from ?? now.AddHours(-1), until ?? now.AddDays(20),
            GrantStatus.Live, now, "admin", null, null, null));
    }

    public static JsonObject BookingBody(string grantId, int seats, params DateOnly[] days) => new()
    {
        ["grantId"] = grantId, ["seats"] = seats, ["days"] = new JsonArray([.. days.Select(d => (JsonNode)Text(d))]),
    };

    public Task<HttpResponseMessage> Book(HttpClient client, string grantId, int seats, params DateOnly[] days) =>
        client.PostAsync(Bookings, BookingBody(grantId, seats, days).AsJson());

    /// <summary>Books as the scene's requester and answers the booking's id.</summary>
    public async Task<string> Booked(int seats, params DateOnly[] days)
    {
        using var made = await Book(Requester, GrantId, seats, days);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        return (await made.ReadJson()).GetProperty("id").GetString()!;
    }

    /// <summary>The ids of the bookings holding seats on the day, as the admin sees them.</summary>
    public async Task<List<string>> HoldingOn(DateOnly day)
    {
        using var list = await Admin.GetAsync($"{Bookings}?day={Text(day)}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        return [.. (await list.ReadJson()).EnumerateArray()
            .Where(b => b.GetProperty("state").GetString() == "booked")
            .Select(b => b.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
    }

    public Task<HttpResponseMessage> Post(HttpClient client, string path, JsonNode? body = null) => client.PostAsync(path, body?.AsJson());
}
