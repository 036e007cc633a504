using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Census.ApiGateway.Releases;
using Census.Contracts.Provision;
using Census.Contracts.Releases;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Census.Api.Tests.Releases;

/// <summary>
/// One institution with an agency key and a dataset whose release routes a test drives. A draft is opened through the
/// release grain itself (the tier a processing case would decide), so these tests need no case.
/// </summary>
public sealed class ReleaseScene
{
    private ReleaseScene(GatewayFixture gateway, string institutionId, string agencyKey, string datasetId)
    {
        DatasetId = datasetId;
        Gateway = gateway;
        InstitutionId = institutionId;
        AgencyKey = agencyKey;
        Agency = gateway.As(agencyKey).Client;
    }

    public GatewayFixture Gateway { get; }

    public string InstitutionId { get; }

    public string DatasetId { get; }

    public string AgencyKey { get; }

    public HttpClient Agency { get; }

    public string Releases => $"/api/v1/institutions/{InstitutionId}/datasets/{DatasetId}/releases";

    public ContentStore Store => Gateway.Factory.Services.GetRequiredService<ContentStore>();

    public static async Task<ReleaseScene> Arrange(GatewayFixture gateway, string datasetId = "ds-release")
    {
        var institution = Ids.New("rel");
        await gateway.Admin.RegisterValid(institution);
        var (_, key) = await gateway.Admin.IssueValidKey(institution);
        return new ReleaseScene(gateway, institution, key, datasetId);
    }

    public static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 31 + seed) % 251))];

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Opens the next draft as a processing case with a decided tier would let it be opened.</summary>
    public async Task<string> Draft()
    {
        var grains = Gateway.Factory.Services.GetRequiredService<IGrainFactory>();
        var result = await grains.GetGrain<IReleaseGrain>($"{InstitutionId}/{DatasetId}")
            .CreateDraft(new ReleaseDraft("round-2027", ReleaseTier.Open, "test"), "agency:test");
        Assert.Equal(ReleaseOutcome.Created, result.Outcome);
        return result.Release!.Version;
    }

    public Task<HttpResponseMessage> BeginUpload(byte[] content, string? sha256 = null) =>
        Agency.PostAsync("/api/v1/uploads", new JsonObject { ["sha256"] = sha256 ?? Sha256(content), ["bytes"] = content.Length }.AsJson());

    public Task<HttpResponseMessage> SendChunk(string uploadId, byte[] content, int from, int count, HttpClient? client = null)
    {
        var body = new ByteArrayContent(content, from, count);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentRange = new ContentRangeHeaderValue(from, from + count - 1, content.Length);
        return (client ?? Agency).PutAsync($"/api/v1/uploads/{uploadId}", body);
    }

    /// <summary>Uploads <paramref name="content"/> in one chunk and checks it is stored.</summary>
    public async Task Upload(byte[] content)
    {
        using var begun = await BeginUpload(content);
        var upload = await begun.ReadJson();
        if (upload.GetProperty("complete").GetBoolean())
        {
            return;
        }

        using var sent = await SendChunk(upload.GetProperty("id").GetString()!, content, 0, content.Length);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }

    public Task<HttpResponseMessage> PutFile(string version, string path, JsonObject entry, HttpClient? client = null) =>
        (client ?? Agency).PutAsync($"{Releases}/{version}/files/{path}", entry.AsJson());

    public static JsonObject Whole(byte[] content) => new() { ["sha256"] = Sha256(content), ["bytes"] = content.Length };

    public static JsonObject InParts(params byte[][] parts)
    {
        var whole = parts.SelectMany(p => p).ToArray();
        var entry = Whole(whole);
        entry["parts"] = new JsonArray([.. parts.Select(p => (JsonNode)Whole(p))]);
        return entry;
    }

    public Task<HttpResponseMessage> Publish(string version) => Agency.PostAsync($"{Releases}/{version}/publish", content: null);

    /// <summary>A published release holding <paramref name="path"/> stored in the given parts.</summary>
    public async Task<string> Published(string path, params byte[][] parts)
    {
        var version = await Draft();
        foreach (var part in parts)
        {
            await Upload(part);
        }

        using var put = await PutFile(version, path, parts.Length == 1 ? Whole(parts[0]) : InParts(parts));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var published = await Publish(version);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return version;
    }
}
