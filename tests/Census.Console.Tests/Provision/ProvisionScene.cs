using System.Globalization;
using Census.Console.Tests.Infrastructure;
using Census.Testing;

namespace Census.Console.Tests.Provision;

/// <summary>
/// What the provision pages' tests start from, made through the API (the console is what is under test, not this):
/// released datasets, organisations and their people with keys, agreements, approved requests and their grants,
/// safe-zone sites. Keys are returned as text so that a test signs in with them.
/// </summary>
public sealed class ProvisionScene(ConsoleServer server)
{
    public sealed record Released(string Institution, string Dataset, string Version, string AgencyKey, string RoundId)
    {
        public string DatasetPath => $"/api/v1/institutions/{Institution}/datasets/{Dataset}";
    }

    /// <summary>A dataset taken through the census and its processing case to a published release 1.0 of the tier.</summary>
    public async Task<Released> ReleasedAsync(string tier = "restricted")
    {
        var outcome = await new ProvisionJourney(server.Api, server.ApiWith).RunAsync(tier);
        var release = outcome.Release;
        var institution = release.GetProperty("institutionId").GetString()!;
        var agencyKey = (await SendAsync(server.Api, HttpMethod.Post, $"/api/v1/institutions/{institution}/api-keys")).GetProperty("apiKey").GetString()!;
        return new Released(institution, release.GetProperty("datasetId").GetString()!, release.GetProperty("version").GetString()!,
            agencyKey, release.GetProperty("roundId").GetString()!);
    }

    /// <summary>Registers an organisation of the kind, verified unless told otherwise; returns its id.</summary>
    public async Task<string> OrganisationAsync(string kind = "company", bool verified = true, string? name = null)
    {
        var id = Arrange.NewId("org");
        await SendAsync(server.Api, HttpMethod.Post, "/api/v1/organisations", new JsonObject
        {
            ["id"] = id, ["name"] = name ?? "에이크미 AI " + id[^4..], ["kind"] = kind,
        });
        if (verified)
        {
            await SendAsync(server.Api, HttpMethod.Post, $"/api/v1/organisations/{id}/verification", new JsonObject { ["note"] = "사업자등록증 확인" });
        }

        return id;
    }

    /// <summary>Registers a person of the organisation in the role (requester, reviewer, zone-operator, output-checker); returns (id, key).</summary>
    public async Task<(string Id, string Key)> PrincipalAsync(string role, string organisation, string? id = null)
    {
        id ??= Arrange.NewId(role switch { "requester" => "req", "reviewer" => "rev", "zone-operator" => "op", _ => "chk" });
        await SendAsync(server.Api, HttpMethod.Post, "/api/v1/principals", new JsonObject
        {
            ["id"] = id, ["name"] = "담당자 " + id[^4..], ["role"] = role, ["organisation"] = organisation,
        });
        return (id, (await SendAsync(server.Api, HttpMethod.Post, $"/api/v1/principals/{id}/api-keys")).GetProperty("apiKey").GetString()!);
    }

    /// <summary>The providing agency publishes version 1 of the tier's agreement for the dataset.</summary>
    public Task<JsonElement> AgreementAsync(Released released, string tier = "restricted") =>
        SendAsync(server.ApiWith(released.AgencyKey), HttpMethod.Post, released.DatasetPath + "/agreements", new JsonObject
        {
            ["tier"] = tier, ["title"] = "데이터 이용 약정 1판", ["text"] = "제3자 제공 금지. 재식별 시도 금지. 이용 기간 종료 후 파기.",
        });

    /// <summary>The requester accepts the tier's agreement version 1.</summary>
    public Task<JsonElement> AcceptAsync(Released released, string requesterKey, string tier = "restricted") =>
        SendAsync(server.ApiWith(requesterKey), HttpMethod.Post, $"{released.DatasetPath}/agreements/{tier}/1/acceptance");

    /// <summary>The requester submits a request for the release (agreement version 1 already accepted); returns its id.</summary>
    public async Task<string> RequestAsync(Released released, string requesterKey, string analyst, int periodDays = 90)
    {
        var request = await SendAsync(server.ApiWith(requesterKey), HttpMethod.Post, "/api/v1/access-requests", new JsonObject
        {
            ["institutionId"] = released.Institution, ["datasetId"] = released.Dataset, ["version"] = released.Version,
            ["purpose"] = "ai-model-training", ["projectSummary"] = "민원 자동 분류 모델 학습", ["analysts"] = new JsonArray(analyst),
            ["periodDays"] = periodDays, ["agreementVersion"] = 1,
        });
        return request.GetProperty("id").GetString()!;
    }

    /// <summary>A reviewer's and then the providing agency's approval; returns the grant's id.</summary>
    public async Task<string> ApproveAsync(Released released, string requestId, string reviewerKey)
    {
        await SendAsync(server.ApiWith(reviewerKey), HttpMethod.Post, $"/api/v1/access-requests/{requestId}/decisions",
            new JsonObject { ["decision"] = "approve", ["reason"] = "목적·기간 적정" });
        var approved = await SendAsync(server.ApiWith(released.AgencyKey), HttpMethod.Post, $"/api/v1/access-requests/{requestId}/decisions",
            new JsonObject { ["decision"] = "approve", ["reason"] = "제공 기관 승인" });
        return approved.GetProperty("grantId").GetString()!;
    }

    /// <summary>
    /// The whole way to a live grant: a released dataset of the tier with its agreement, a verified company, its
    /// requester (who accepted the agreement and asked), a reviewer of another organisation, both approvals.
    /// </summary>
    public async Task<(Released Released, string Organisation, (string Id, string Key) Requester, string GrantId)> GrantedAsync(string tier = "restricted", int periodDays = 90)
    {
        var released = await ReleasedAsync(tier);
        await AgreementAsync(released, tier);
        var organisation = await OrganisationAsync();
        var requester = await PrincipalAsync("requester", organisation);
        var reviewer = await PrincipalAsync("reviewer", Arrange.NewId("board"));
        await AcceptAsync(released, requester.Key, tier);
        var request = await RequestAsync(released, requester.Key, requester.Id, periodDays);
        return (released, organisation, requester, await ApproveAsync(released, request, reviewer.Key));
    }

    /// <summary>A safe-zone site open every day with the operators; returns its id.</summary>
    public async Task<string> SiteAsync(int seats = 4, params string[] operators)
    {
        var id = Arrange.NewId("site");
        await SendAsync(server.Api, HttpMethod.Post, "/api/v1/safe-zones", new JsonObject
        {
            ["id"] = id, ["name"] = "세종 안심구역", ["address"] = "세종특별자치시 한누리대로 2130", ["seats"] = seats,
            ["openWeekdays"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
            ["operators"] = new JsonArray([.. operators.Select(o => (JsonNode)o)]),
        });
        return id;
    }

    /// <summary>Today in Korea (the safe zones' calendar), as yyyy-MM-dd.</summary>
    public static string TodayInKorea() =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
