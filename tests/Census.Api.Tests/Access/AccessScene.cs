using System.Text.Json;
using System.Text.Json.Nodes;
using Census.Contracts.Access;
using Census.Contracts.Provision;
using Census.Contracts.Releases;
using Census.Contracts.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Census.Api.Tests.Access;

/// <summary>
/// A providing institution with one published release of <see cref="DatasetId"/> at a chosen tier and licence (drafted
/// through the release grain, as a decided case would let it be), the tier's agreement version 1, a verified company
/// with a requester key, and a reviewer of an outside organisation. Each scene has its own ids.
/// </summary>
public sealed class AccessScene
{
    public const string DatasetId = "ds-access";
    public const string File = "data/records.csv";

    private AccessScene(GatewayFixture gateway) => Gateway = gateway;

    public GatewayFixture Gateway { get; }

    public string InstitutionId { get; private set; } = "";

    public HttpClient Agency { get; private set; } = null!;

    public string AgencyKey { get; private set; } = "";

    public string RequesterKey { get; private set; } = "";

    public string ReviewerKey { get; private set; } = "";

    public string Version { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public string OrganisationId { get; private set; } = "";

    public string RequesterId { get; private set; } = "";

    public HttpClient Requester { get; private set; } = null!;

    public string ReviewerId { get; private set; } = "";

    public HttpClient Reviewer { get; private set; } = null!;

    public HttpClient Admin => Gateway.Admin.Client;

    public string Dataset => $"/api/v1/institutions/{InstitutionId}/datasets/{DatasetId}";

    public IGrainFactory Grains => Gateway.Factory.Services.GetRequiredService<IGrainFactory>();

    public static async Task<AccessScene> Arrange(GatewayFixture gateway, ReleaseTier tier = ReleaseTier.Restricted, License license = License.KoglType1)
    {
        var scene = new AccessScene(gateway);
        scene.InstitutionId = await gateway.NewInstitution("acc");
        scene.AgencyKey = (await gateway.Admin.IssueValidKey(scene.InstitutionId)).ApiKey;
        scene.Agency = gateway.As(scene.AgencyKey).Client;
        scene.Content = Releases.ReleaseScene.Bytes(5000, seed: 41);
        scene.Version = await scene.PublishAsync(tier, license, scene.Content);
        await Ok(scene.Agency, HttpMethod.Post, $"{scene.Dataset}/agreements", Agreement(tier, "이용 약관 1판"));
        var requester = await NewRequester(gateway, OrganisationKind.Company, verified: true);
        (scene.OrganisationId, scene.RequesterId, scene.Requester, scene.RequesterKey) = (requester.Organisation, requester.Id, requester.Client, requester.Key);
        (scene.ReviewerId, scene.ReviewerKey) = await Processing.ProcessingScene.NewReviewer(gateway, "outside-" + Ids.New("org"));
        scene.Reviewer = gateway.As(scene.ReviewerKey).Client;
        return scene;
    }

    public static JsonObject Agreement(ReleaseTier tier, string title) => new()
    {
        ["tier"] = Census.Domain.Validation.Names.Of(tier), ["title"] = title, ["text"] = $"{title}: 제3자 제공 금지, 재식별 시도 금지.",
    };

    /// <summary>A published release of the scene's dataset holding <see cref="File"/>.</summary>
    public async Task<string> PublishAsync(ReleaseTier tier, License license, byte[] content)
    {
        var draft = await Grains.GetGrain<IReleaseGrain>($"{InstitutionId}/{DatasetId}")
            .CreateDraft(new ReleaseDraft("round-access", tier, "test") { License = license }, "agency:test");
        Assert.Equal(ReleaseOutcome.Created, draft.Outcome);
        var version = draft.Release!.Version;
        using var begun = await Agency.PostAsync("/api/v1/uploads", Releases.ReleaseScene.Whole(content).AsJson());
        var upload = await begun.ReadJson();
        if (!upload.GetProperty("complete").GetBoolean())
        {
            var body = new ByteArrayContent(content);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Headers.ContentRange = new ContentRangeHeaderValue(0, content.Length - 1, content.Length);
            using var sent = await Agency.PutAsync($"/api/v1/uploads/{upload.GetProperty("id").GetString()}", body);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        await Ok(Agency, HttpMethod.Put, $"{Dataset}/releases/{version}/files/{File}", Releases.ReleaseScene.Whole(content));
        await Ok(Agency, HttpMethod.Post, $"{Dataset}/releases/{version}/publish", null);
        return version;
    }

    /// <summary>A registered organisation of <paramref name="kind"/> (verified or not) with one requester and the requester's key.</summary>
    public static async Task<NewRequesterResult> NewRequester(GatewayFixture gateway, OrganisationKind kind, bool verified)
    {
        var organisation = Ids.New("org");
        await Ok(gateway.Admin.Client, HttpMethod.Post, "/api/v1/organisations", new JsonObject
        {
            ["id"] = organisation, ["name"] = "주식회사 " + organisation, ["kind"] = Census.Domain.Validation.Names.Of(kind), ["registrationNumber"] = "120-81-00000",
        });
        if (verified)
        {
            await Ok(gateway.Admin.Client, HttpMethod.Post, $"/api/v1/organisations/{organisation}/verification", new JsonObject { ["note"] = "사업자등록증 확인" });
        }

        var (id, key, client) = await NewRequesterOf(gateway, organisation);
        return new NewRequesterResult(organisation, id, client, key);
    }

    public static async Task<(string Id, string Key, HttpClient Client)> NewRequesterOf(GatewayFixture gateway, string organisation)
    {
        var id = Ids.New("req");
        await Ok(gateway.Admin.Client, HttpMethod.Post, "/api/v1/principals", new JsonObject
        {
            ["id"] = id, ["name"] = "연구원 " + id, ["role"] = "requester", ["organisation"] = organisation,
        });
        var key = (await Ok(gateway.Admin.Client, HttpMethod.Post, $"/api/v1/principals/{id}/api-keys", null)).GetProperty("apiKey").GetString()!;
        return (id, key, gateway.As(key).Client);
    }

    public Task<JsonElement> AcceptAsync(ReleaseTier tier = ReleaseTier.Restricted, int version = 1, HttpClient? requester = null) =>
        Ok(requester ?? Requester, HttpMethod.Post, $"{Dataset}/agreements/{Census.Domain.Validation.Names.Of(tier)}/{version}/acceptance", null);

    public JsonObject Submission(string purpose = "ai-model-training", int periodDays = 90, string? analyst = null) => new()
    {
        ["institutionId"] = InstitutionId,
        ["datasetId"] = DatasetId,
        ["version"] = Version,
        ["purpose"] = purpose,
        ["projectSummary"] = "민원 분류 모델 학습",
        ["analysts"] = new JsonArray(analyst ?? RequesterId),
        ["periodDays"] = periodDays,
        ["agreementVersion"] = 1,
    };

    /// <summary>A submitted request (the agreement accepted first); its id.</summary>
    public async Task<string> SubmittedAsync()
    {
        await AcceptAsync();
        return (await Ok(Requester, HttpMethod.Post, "/api/v1/access-requests", Submission())).GetProperty("id").GetString()!;
    }

    /// <summary>An approved request's grant id: the reviewer and the agency approve.</summary>
    public async Task<string> GrantedAsync()
    {
        var id = await SubmittedAsync();
        await Decide(Reviewer, id, "approve");
        var approved = await Decide(Agency, id, "approve");
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        return approved.GetProperty("grantId").GetString()!;
    }

    public static Task<JsonElement> Decide(HttpClient client, string requestId, string decision) =>
        Ok(client, HttpMethod.Post, $"/api/v1/access-requests/{requestId}/decisions", new JsonObject { ["decision"] = decision, ["reason"] = "목적과 기간이 적정함" });

    public Task<HttpResponseMessage> Download(string grantId, HttpClient? client = null) =>
        (client ?? Requester).GetAsync($"/api/v1/grants/{grantId}/files/{File}");

    public static async Task<JsonElement> Ok(HttpClient client, HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body?.AsJson() };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>A registered requester: their organisation, id, client and key; deconstructs to the first three.</summary>
public sealed record NewRequesterResult(string Organisation, string Id, HttpClient Client, string Key)
{
    public void Deconstruct(out string organisation, out string id, out HttpClient client) => (organisation, id, client) = (Organisation, Id, Client);
}
