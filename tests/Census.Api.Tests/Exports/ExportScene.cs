using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Census.Contracts.Access;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Census.Api.Tests.Exports;

/// <summary>
/// A safe-zone user with a live safe-zone grant (issued on the cluster, as the lead's grant workflow will), two output
/// checkers of other organisations and one of the requester's own, and a blob in the content store to export.
/// </summary>
public sealed class ExportScene
{
    public const string Exports = "/api/v1/exports";

    private ExportScene(GatewayFixture gateway) => Gateway = gateway;

    public GatewayFixture Gateway { get; }

    public string RequesterOrganisation { get; } = Ids.New("org");

    public (string Id, HttpClient Client) Requester { get; private set; }

    public HttpClient CheckerA { get; private set; } = null!;

    public string CheckerAKey { get; private set; } = null!;

    public string RequesterKey { get; private set; } = null!;

    public HttpClient CheckerB { get; private set; } = null!;

    /// <summary>An output checker of the requester's own organisation.</summary>
    public HttpClient CheckerOfRequesterOrganisation { get; private set; } = null!;

    public string GrantId { get; private set; } = null!;

    public byte[] Content { get; } = [.. Enumerable.Range(0, 5000).Select(i => (byte)((i * 7 + 3) % 253))];

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    public static async Task<ExportScene> Arrange(GatewayFixture gateway)
    {
        var scene = new ExportScene(gateway);
        var requester = await NewPrincipal(gateway, "requester", scene.RequesterOrganisation);
        scene.Requester = (requester.Id, requester.Client);
        scene.RequesterKey = requester.Key;
        var checker = await NewPrincipal(gateway, "output-checker", Ids.New("org"));
        (scene.CheckerA, scene.CheckerAKey) = (checker.Client, checker.Key);
        scene.CheckerB = (await NewPrincipal(gateway, "output-checker", Ids.New("org"))).Client;
        scene.CheckerOfRequesterOrganisation = (await NewPrincipal(gateway, "output-checker", scene.RequesterOrganisation)).Client;
        scene.GrantId = await scene.IssueGrant(scene.Requester.Id, GrantKind.SafeZone);
        await Upload(gateway, scene.Content);
        return scene;
    }

    public static async Task<(string Id, string Key, HttpClient Client)> NewPrincipal(GatewayFixture gateway, string role, string organisation)
    {
        var id = Ids.New(role[..3]);
        if (role == "requester")
        {
            await Organisations.EnsureAsync(gateway.Admin.Client, organisation);
        }

        using var registered = await gateway.Admin.Client.PostAsync("/api/v1/principals", new JsonObject
        {
            ["id"] = id, ["name"] = "사람 " + id, ["role"] = role, ["organisation"] = organisation,
        }.AsJson());
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var issued = await gateway.Admin.Client.PostAsync($"/api/v1/principals/{id}/api-keys", content: null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var key = (await issued.ReadJson()).GetProperty("apiKey").GetString()!;
        return (id, key, gateway.Factory.ClientWithKey(key));
    }

    /// <summary>Issues a grant of <paramref name="kind"/> to <paramref name="requesterId"/>, live from yesterday for ten days unless said otherwise.</summary>
    public async Task<string> IssueGrant(string requesterId, GrantKind kind, DateTimeOffset? until = null)
    {
        var id = Ids.New("grant");
        var now = DateTimeOffset.UtcNow;
        var grains = Gateway.Factory.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IGrantGrain>(id).Issue(new Grant(
            id, "inst-zone", "ds-zone", "1.0", kind, requesterId, RequesterOrganisation, null, null,
            now.AddDays(-1), until ?? now.AddDays(10), GrantStatus.Live, now, "admin", null, null, null));
        return id;
    }

    public static async Task Upload(GatewayFixture gateway, byte[] content)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        using var begun = await gateway.Admin.Client.PostAsync("/api/v1/uploads", new JsonObject { ["sha256"] = sha, ["bytes"] = content.Length }.AsJson());
        var upload = await begun.ReadJson();
        if (upload.GetProperty("complete").GetBoolean())
        {
            return;
        }

        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentRange = new ContentRangeHeaderValue(0, content.Length - 1, content.Length);
        using var sent = await gateway.Admin.Client.PutAsync($"/api/v1/uploads/{upload.GetProperty("id").GetString()}", body);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }

    /// <summary>A request body: one table of the scene's blob with cells of these counts (keys c0, c1, …).</summary>
    public JsonObject Body(params long[] counts) => new()
    {
        ["grantId"] = GrantId,
        ["files"] = new JsonArray(new JsonObject
        {
            ["path"] = "tables/by-region.csv", ["type"] = "table", ["sha256"] = Sha256, ["bytes"] = Content.Length,
            ["cells"] = new JsonArray([.. counts.Select((c, i) => (JsonNode)new JsonObject { ["key"] = $"c{i}", ["count"] = c })]),
        }),
        ["notes"] = "counts by region",
    };

    public Task<HttpResponseMessage> Submit(JsonObject body, HttpClient? client = null) => (client ?? Requester.Client).PostAsync(Exports, body.AsJson());

    /// <summary>Submits a request of passing cells and answers its id.</summary>
    public async Task<string> Submitted(params long[] counts)
    {
        using var created = await Submit(Body(counts.Length == 0 ? [12, 40] : counts));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJson()).GetProperty("id").GetString()!;
    }

    public static Task<HttpResponseMessage> Decide(HttpClient checker, string exportId, string decision = "approve", string reason = "every cell checked") =>
        checker.PostAsync($"{Exports}/{exportId}/decisions", new JsonObject { ["decision"] = decision, ["reason"] = reason }.AsJson());

    public async Task<string> Approved()
    {
        var id = await Submitted();
        (await Decide(CheckerA, id)).EnsureSuccessStatusCode().Dispose();
        (await Decide(CheckerB, id)).EnsureSuccessStatusCode().Dispose();
        return id;
    }

    public static string File(string exportId) => $"{Exports}/{exportId}/files/tables/by-region.csv";

    public async Task<JsonElement> Read(string exportId)
    {
        using var read = await Requester.Client.GetAsync($"{Exports}/{exportId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return await read.ReadJson();
    }
}
