using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Census.Testing;

/// <summary>
/// Issue 14's done-when, written once for every mode: released data through to its users. A restricted release is
/// requested, reviewed and approved under an accepted agreement, granted and downloaded (hash-checked, charged per
/// download); a safe-zone-only release is requested and granted, a seat booked, the analyst checked in, an output
/// exported, checked by two independent checkers and downloaded; then the month's settlement and both datasets' ledgers
/// are verified. HTTP only, so the local-mode gateway and a PostgreSQL cluster's gateway run the same steps.
/// </summary>
public sealed class ProvisionChain(HttpClient admin, Func<string, HttpClient> withKey)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public const long PricePerDownloadKrw = 1_000;

    public sealed record Outcome(
        byte[] Downloaded, string ManifestSha256, byte[] Output, byte[] OutputDownloaded, string ExportStatus,
        JsonElement Settlement, JsonElement RestrictedVerification, JsonElement SafeZoneVerification,
        IReadOnlyList<string> RestrictedKinds, IReadOnlyList<string> SafeZoneKinds, JsonElement Demand);

    public async Task<Outcome> RunAsync()
    {
        var restricted = await new ProvisionJourney(admin, withKey).RunAsync();
        var zoned = await new ProvisionJourney(admin, withKey).RunAsync("safe-zone-only");
        var suffix = Guid.NewGuid().ToString("N")[..8];

        // People: a verified company and its analyst, an access reviewer, a zone operator and two output checkers.
        var company = "acme-" + suffix;
        await Send(admin, HttpMethod.Post, "/api/v1/organisations", new JsonObject { ["id"] = company, ["name"] = "에이크미 AI " + suffix, ["kind"] = "company" });
        await Send(admin, HttpMethod.Post, $"/api/v1/organisations/{company}/verification", new JsonObject { ["note"] = "사업자등록증 확인" });
        using var requester = await Principal("req-" + suffix, "requester", company);
        using var reviewer = await Principal("acc-rev-" + suffix, "reviewer", "kdi-" + suffix);
        var operatorId = "op-" + suffix;
        using var zoneOperator = await Principal(operatorId, "zone-operator", "nia-" + suffix);
        using var checkerA = await Principal("chk-a-" + suffix, "output-checker", "kisti-" + suffix);
        using var checkerB = await Principal("chk-b-" + suffix, "output-checker", "kistep-" + suffix);

        // Restricted data: agreement, offer, request, review, grant, a download that matches the manifest.
        var (institution, dataset, version) = Names(restricted.Release);
        using var agency = withKey((await Send(admin, HttpMethod.Post, $"/api/v1/institutions/{institution}/api-keys", null)).GetProperty("apiKey").GetString()!);
        var datasetPath = $"/api/v1/institutions/{institution}/datasets/{dataset}";
        await Send(agency, HttpMethod.Post, $"{datasetPath}/agreements", Agreement("restricted"));
        await Send(agency, HttpMethod.Put, $"{datasetPath}/releases/{version}/offer", new JsonObject { ["pricing"] = "per-download", ["priceKrw"] = PricePerDownloadKrw });
        await Send(requester, HttpMethod.Post, $"{datasetPath}/agreements/restricted/1/acceptance", null);
        var grant = await Approved(requester, reviewer, agency, institution, dataset, version, "req-" + suffix, periodDays: 90);
        using var download = await requester.GetAsync(new Uri($"/api/v1/grants/{grant}/files/data/complaints.csv", UriKind.Relative));
        Ensure(download.StatusCode == HttpStatusCode.OK, $"the granted file downloads (got {(int)download.StatusCode})");
        var downloaded = await download.Content.ReadAsByteArrayAsync();

        // Safe-zone-only data: request, grant, a booked seat for today, check-in, an export checked twice, check-out.
        var (zoneInstitution, zoneDataset, zoneVersion) = Names(zoned.Release);
        using var zoneAgency = withKey((await Send(admin, HttpMethod.Post, $"/api/v1/institutions/{zoneInstitution}/api-keys", null)).GetProperty("apiKey").GetString()!);
        var zonePath = $"/api/v1/institutions/{zoneInstitution}/datasets/{zoneDataset}";
        await Send(zoneAgency, HttpMethod.Post, $"{zonePath}/agreements", Agreement("safe-zone-only"));
        await Send(requester, HttpMethod.Post, $"{zonePath}/agreements/safe-zone-only/1/acceptance", null);
        var zoneGrant = await Approved(requester, reviewer, zoneAgency, zoneInstitution, zoneDataset, zoneVersion, "req-" + suffix, periodDays: 10);

        var site = "sejong-" + suffix;
        await Send(admin, HttpMethod.Post, "/api/v1/safe-zones", new JsonObject
        {
            ["id"] = site, ["name"] = "세종 안심구역", ["address"] = "세종특별자치시 한누리대로 2130", ["seats"] = 4,
            ["openWeekdays"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
            ["operators"] = new JsonArray(operatorId),
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var booking = (await Send(requester, HttpMethod.Post, $"/api/v1/safe-zones/{site}/bookings", new JsonObject
        {
            ["grantId"] = zoneGrant, ["seats"] = 1, ["days"] = new JsonArray(today),
        })).GetProperty("id").GetString()!;
        await Send(zoneOperator, HttpMethod.Post, $"/api/v1/safe-zones/{site}/bookings/{booking}/check-in", null);

        var output = Encoding.UTF8.GetBytes("region,count\nseoul,12\nbusan,40\n");
        var outputSha = Convert.ToHexStringLower(SHA256.HashData(output));
        var upload = await Send(requester, HttpMethod.Post, "/api/v1/uploads", new JsonObject { ["sha256"] = outputSha, ["bytes"] = output.Length });
        if (!upload.GetProperty("complete").GetBoolean())
        {
            using var chunk = new ByteArrayContent(output);
            chunk.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            chunk.Headers.ContentRange = new ContentRangeHeaderValue(0, output.Length - 1, output.Length);
            await SendContent(requester, HttpMethod.Put, $"/api/v1/uploads/{upload.GetProperty("id").GetString()}", chunk);
        }

        var export = (await Send(requester, HttpMethod.Post, "/api/v1/exports", new JsonObject
        {
            ["grantId"] = zoneGrant,
            ["files"] = new JsonArray(new JsonObject
            {
                ["path"] = "tables/by-region.csv", ["type"] = "table", ["sha256"] = outputSha, ["bytes"] = output.Length,
                ["cells"] = new JsonArray(new JsonObject { ["key"] = "seoul", ["count"] = 12 }, new JsonObject { ["key"] = "busan", ["count"] = 40 }),
            }),
            ["notes"] = "지역별 건수",
        })).GetProperty("id").GetString()!;
        await Send(checkerA, HttpMethod.Post, $"/api/v1/exports/{export}/decisions", new JsonObject { ["decision"] = "approve", ["reason"] = "모든 셀 10 이상" });
        var checkedTwice = await Send(checkerB, HttpMethod.Post, $"/api/v1/exports/{export}/decisions", new JsonObject { ["decision"] = "approve", ["reason"] = "지배성 문제 없음" });
        using var outputDownload = await requester.GetAsync(new Uri($"/api/v1/exports/{export}/files/tables/by-region.csv", UriKind.Relative));
        Ensure(outputDownload.StatusCode == HttpStatusCode.OK, $"the checked output downloads (got {(int)outputDownload.StatusCode})");
        var outputDownloaded = await outputDownload.Content.ReadAsByteArrayAsync();
        await Send(zoneOperator, HttpMethod.Post, $"/api/v1/safe-zones/{site}/bookings/{booking}/check-out", null);

        // The month's settlement and both ledgers, once every outbox has delivered.
        var restrictedKinds = await UntilKinds(datasetPath, ["request-submitted", "request-decided", "agreement-accepted", "grant-issued", "download-started", "download-completed", "offer-set", "transaction"]);
        var zoneKinds = await UntilKinds(zonePath, ["request-submitted", "grant-issued", "booking-made", "checked-in", "export-requested", "export-decided", "checked-out"]);
        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var settlement = await Send(admin, HttpMethod.Get, $"/api/v1/institutions/{institution}/settlements/{month}", null);
        var verification = await Send(agency, HttpMethod.Post, $"{datasetPath}/ledger/verify", null);
        var zoneVerification = await Send(zoneAgency, HttpMethod.Post, $"{zonePath}/ledger/verify", null);
        var demand = await Send(admin, HttpMethod.Get, $"/api/v1/rounds/{restricted.Release.GetProperty("roundId").GetString()}/reports/demand", null);
        return new Outcome(downloaded, restricted.ManifestSha256, output, outputDownloaded, checkedTwice.GetProperty("status").GetString()!,
            settlement, verification, zoneVerification, restrictedKinds, zoneKinds, demand);
    }

    /// <summary>Submits a request for the release, has the reviewer and then the agency approve it, and answers its grant.</summary>
    private static async Task<string> Approved(
        HttpClient requester, HttpClient reviewer, HttpClient agency, string institution, string dataset, string version, string analyst, int periodDays)
    {
        var request = await Send(requester, HttpMethod.Post, "/api/v1/access-requests", new JsonObject
        {
            ["institutionId"] = institution, ["datasetId"] = dataset, ["version"] = version, ["purpose"] = "ai-model-training",
            ["projectSummary"] = "민원 자동 분류 모델 학습", ["analysts"] = new JsonArray(analyst), ["periodDays"] = periodDays, ["agreementVersion"] = 1,
        });
        var id = request.GetProperty("id").GetString()!;
        await Send(reviewer, HttpMethod.Post, $"/api/v1/access-requests/{id}/decisions", new JsonObject { ["decision"] = "approve", ["reason"] = "목적·기간 적정" });
        var approved = await Send(agency, HttpMethod.Post, $"/api/v1/access-requests/{id}/decisions", new JsonObject { ["decision"] = "approve", ["reason"] = "제공 기관 승인" });
        Ensure(approved.GetProperty("status").GetString() == "approved", "the request is approved by the institution and a reviewer");
        return approved.GetProperty("grantId").GetString()!;
    }

    private async Task<HttpClient> Principal(string id, string role, string organisation)
    {
        await Send(admin, HttpMethod.Post, "/api/v1/principals", new JsonObject { ["id"] = id, ["name"] = "담당자 " + id, ["role"] = role, ["organisation"] = organisation });
        return withKey((await Send(admin, HttpMethod.Post, $"/api/v1/principals/{id}/api-keys", null)).GetProperty("apiKey").GetString()!);
    }

    /// <summary>The ledger's kinds in order, once every kind in <paramref name="expected"/> is there.</summary>
    private async Task<IReadOnlyList<string>> UntilKinds(string datasetPath, string[] expected)
    {
        var until = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var page = await Send(admin, HttpMethod.Get, $"{datasetPath}/ledger?pageSize=200", null);
            var kinds = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToList();
            if (expected.All(kinds.Contains))
            {
                return kinds;
            }

            Ensure(DateTimeOffset.UtcNow < until, $"the ledger of {datasetPath} holds {string.Join(", ", expected.Except(kinds))} within {Patience}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static (string Institution, string Dataset, string Version) Names(JsonElement release) =>
        (release.GetProperty("institutionId").GetString()!, release.GetProperty("datasetId").GetString()!, release.GetProperty("version").GetString()!);

    private static JsonObject Agreement(string tier) => new()
    {
        ["tier"] = tier, ["title"] = "데이터 이용 약정 1판", ["text"] = "제3자 제공 금지. 재식별 시도 금지. 이용 기간 종료 후 파기.",
    };

    private static Task<JsonElement> Send(HttpClient client, HttpMethod method, string path, JsonNode? body) =>
        ProvisionJourney.Send(client, method, path, body);

    private static Task<JsonElement> SendContent(HttpClient client, HttpMethod method, string path, HttpContent? content) =>
        ProvisionJourney.SendContent(client, method, path, content);

    private static void Ensure(bool condition, string what) => ProvisionJourney.Ensure(condition, what);
}
