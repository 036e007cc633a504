using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Census.Testing;

/// <summary>
/// Issue 13's done-when, written once for every mode: one dataset from the round's finalization through
/// de-identification evidence, two reviewers' approvals, the tier decision and a published release whose file downloads
/// whole and by range with the manifest's SHA-256. It speaks HTTP only, so the local-mode gateway (Api tests) and a
/// gateway of a PostgreSQL cluster (Integration tests) run the same steps.
/// </summary>
public sealed class ProvisionJourney(HttpClient admin, Func<string, HttpClient> withKey)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    /// <summary>What the journey ends with, for the caller's own assertions.</summary>
    public sealed record Outcome(JsonElement Case, JsonElement Release, byte[] Downloaded, string ManifestSha256, byte[] RangeBody, HttpStatusCode RangeStatus, byte[] Content);

    /// <param name="tier">
    /// The tier the admin decides, more restrictive than the rule's (e.g. <c>safe-zone-only</c>, with a reason); null
    /// takes the rule's (restricted for this record).
    /// </param>
    public async Task<Outcome> RunAsync(string? tier = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var institution = "prov-" + suffix;
        var roundId = "round-prov-" + suffix;
        const string datasetId = "complaints";

        await Send(admin, HttpMethod.Post, "/api/v1/institutions", new JsonObject
        {
            ["id"] = institution, ["name"] = "국민권익위원회 " + suffix, ["kind"] = "central-government", ["sector"] = "public-administration",
        });
        var agencyKey = (await Send(admin, HttpMethod.Post, $"/api/v1/institutions/{institution}/api-keys", null)).GetProperty("apiKey").GetString()!;
        using var agency = withKey(agencyKey);
        await Send(admin, HttpMethod.Post, "/api/v1/rounds", new JsonObject
        {
            ["id"] = roundId, ["title"] = "제공 절차 점검 " + suffix,
            ["deadline"] = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["selection"] = new JsonObject { ["quota"] = 10 },
            ["institutions"] = new JsonArray(institution),
        });
        await Send(admin, HttpMethod.Post, $"/api/v1/rounds/{roundId}/open", null);
        var casePath = $"/api/v1/rounds/{roundId}/institutions/{institution}/datasets/{datasetId}/case";
        await Send(agency, HttpMethod.Put, $"/api/v1/rounds/{roundId}/institutions/{institution}/datasets/{datasetId}", Record("identifiable"));
        await Send(admin, HttpMethod.Post, $"/api/v1/rounds/{roundId}/close", null);
        var runId = (await Send(admin, HttpMethod.Post, $"/api/v1/rounds/{roundId}/rankings", new JsonObject())).GetProperty("runId").GetString()!;
        await UntilCompleted(roundId, runId);
        await Send(admin, HttpMethod.Post, $"/api/v1/rounds/{roundId}/selection", new JsonObject { ["runId"] = runId });
        await UntilCasesOpen(roundId, 1);

        // The adequacy review's pool: two reviewers from outside the institution.
        var reviewers = new List<(string Id, HttpClient Client)>();
        foreach (var organisation in new[] { "kisti", "kdi" })
        {
            var id = $"rev-{organisation}-{suffix}";
            await Send(admin, HttpMethod.Post, "/api/v1/principals", new JsonObject { ["id"] = id, ["name"] = "검토위원 " + id, ["role"] = "reviewer", ["organisation"] = organisation });
            var key = (await Send(admin, HttpMethod.Post, $"/api/v1/principals/{id}/api-keys", null)).GetProperty("apiKey").GetString()!;
            reviewers.Add((id, withKey(key)));
        }

        await Send(admin, HttpMethod.Put, casePath + "/reviewers", new JsonObject { ["reviewers"] = new JsonArray(reviewers[0].Id, reviewers[1].Id) });

        // Processing: the equivalence-class table for de-identification, a report for quality verification.
        await Send(agency, HttpMethod.Put, casePath + "/tasks/de-identification", new JsonObject { ["state"] = "in-progress" });
        using (var table = new StringContent(
            "qi:age,qi:region,count,sa:category=housing,sa:category=tax\n30-39,seoul,12,7,5\n40-49,seoul,9,4,5\n30-39,busan,15,8,7\n",
            Encoding.UTF8, "text/csv"))
        {
            var judged = await SendContent(agency, HttpMethod.Post, casePath + "/evidence/equivalence-classes", table);
            var evidence = judged.GetProperty("evidence")[judged.GetProperty("evidence").GetArrayLength() - 1];
            Ensure(evidence.GetProperty("passed").GetBoolean(), "the equivalence-class table passes the default policy");
        }

        await Send(agency, HttpMethod.Put, casePath + "/tasks/de-identification", new JsonObject { ["state"] = "done" });
        await Send(agency, HttpMethod.Put, casePath + "/tasks/quality-verification", new JsonObject { ["state"] = "in-progress" });
        await Send(agency, HttpMethod.Post, casePath + "/evidence/documents", new JsonObject { ["task"] = "quality-verification", ["note"] = "오류율 0.8% 확인" });
        await Send(agency, HttpMethod.Put, casePath + "/tasks/quality-verification", new JsonObject { ["state"] = "done" });
        await Send(agency, HttpMethod.Put, casePath + "/delivered", Record("pseudonymized"));
        await Send(agency, HttpMethod.Post, casePath + "/submit", null);
        foreach (var (_, client) in reviewers)
        {
            await Send(client, HttpMethod.Post, casePath + "/votes", new JsonObject { ["decision"] = "approve", ["reason"] = "k=9 이상, 위험 기록 없음" });
        }

        var decided = await Send(admin, HttpMethod.Post, casePath + "/tier", tier is null
            ? new JsonObject()
            : new JsonObject { ["tier"] = tier, ["reason"] = "원자료 결합 위험: 안심구역에서만 제공" });
        Ensure(decided.GetProperty("status").GetString() == "tier-decided", "the case reaches tier-decided");

        // The release: upload a file in two chunks, name it in a draft, publish, download.
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i},민원,{i % 7}\n")));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var upload = await Send(agency, HttpMethod.Post, "/api/v1/uploads", new JsonObject { ["sha256"] = sha256, ["bytes"] = content.Length });
        if (!upload.GetProperty("complete").GetBoolean())
        {
            var uploadId = upload.GetProperty("id").GetString()!;
            var half = content.Length / 2;
            await Chunk(agency, uploadId, content, 0, half);
            await Chunk(agency, uploadId, content, half, content.Length);
        }

        var releases = $"/api/v1/institutions/{institution}/datasets/{datasetId}/releases";
        var draft = await Send(agency, HttpMethod.Post, releases, new JsonObject { ["roundId"] = roundId, ["notes"] = "가명처리 완료본" });
        var version = draft.GetProperty("version").GetString()!;
        await Send(agency, HttpMethod.Put, $"{releases}/{version}/files/data/complaints.csv", new JsonObject { ["sha256"] = sha256, ["bytes"] = content.Length });
        var release = await Send(agency, HttpMethod.Post, $"{releases}/{version}/publish", null);

        var manifest = await Send(agency, HttpMethod.Get, $"{releases}/{version}/manifest", null);
        var manifestSha = manifest.GetProperty("files")[0].GetProperty("sha256").GetString()!;
        using var download = await agency.GetAsync(new Uri($"{releases}/{version}/files/data/complaints.csv", UriKind.Relative));
        Ensure(download.StatusCode == HttpStatusCode.OK, $"the file downloads (got {(int)download.StatusCode})");
        var downloaded = await download.Content.ReadAsByteArrayAsync();

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"{releases}/{version}/files/data/complaints.csv");
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        using var rangeResponse = await agency.SendAsync(ranged);
        var rangeBody = await rangeResponse.Content.ReadAsByteArrayAsync();

        var finalCase = await Send(admin, HttpMethod.Get, casePath, null);
        foreach (var (_, client) in reviewers)
        {
            client.Dispose();
        }

        return new Outcome(finalCase, release, downloaded, manifestSha, rangeBody, rangeResponse.StatusCode, content);
    }

    private async Task UntilCompleted(string roundId, string runId)
    {
        var until = DateTimeOffset.UtcNow + RunTimeout;
        while (true)
        {
            var run = await Send(admin, HttpMethod.Get, $"/api/v1/rounds/{roundId}/rankings/{runId}", null);
            var state = run.GetProperty("state").GetString();
            if (state != "running")
            {
                Ensure(state == "completed", $"run {runId} completes (it is {state})");
                return;
            }

            Ensure(DateTimeOffset.UtcNow < until, $"run {runId} completes within {RunTimeout}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>The round's case opener opens the cases in its own turns, right after the finalization.</summary>
    private async Task UntilCasesOpen(string roundId, int count)
    {
        var until = DateTimeOffset.UtcNow + RunTimeout;
        while ((await Send(admin, HttpMethod.Get, $"/api/v1/rounds/{roundId}/cases", null)).GetArrayLength() < count)
        {
            Ensure(DateTimeOffset.UtcNow < until, $"{count} case(s) of round {roundId} open within {RunTimeout}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static async Task Chunk(HttpClient client, string uploadId, byte[] content, int from, int to)
    {
        using var body = new ByteArrayContent(content, from, to - from);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentRange = new ContentRangeHeaderValue(from, to - 1, content.Length);
        await SendContent(client, HttpMethod.Put, $"/api/v1/uploads/{uploadId}", body);
    }

    private static JsonObject Record(string personalDataStatus) => new()
    {
        ["title"] = "민원 상담 기록",
        ["modality"] = "tabular",
        ["structure"] = "structured",
        ["digitization"] = "digital",
        ["formats"] = new JsonArray("csv"),
        ["volume"] = new JsonObject { ["records"] = 1_200_000, ["bytes"] = 800_000_000L },
        ["collection"] = new JsonObject { ["purpose"] = "administrative", ["provenanceDocumented"] = true },
        ["availability"] = new JsonObject { ["now"] = "restricted", ["afterProcessing"] = "restricted" },
        ["lawfulToProvide"] = true,
        ["license"] = "kogl-type1",
        ["thirdPartyRights"] = "none",
        ["personalData"] = new JsonObject
        {
            ["status"] = personalDataStatus, ["sensitive"] = false, ["deidentificationPlanned"] = true, ["riskAssessed"] = true, ["scanVerified"] = true,
        },
        ["labeling"] = new JsonObject { ["status"] = "none", ["specDocumented"] = false, ["qaReported"] = false },
        ["quality"] = new JsonObject { ["assessed"] = true, ["errorRate"] = 0.008, ["verified"] = true },
        ["documentation"] = new JsonObject { ["dataDictionary"] = true, ["datasheet"] = true },
        ["maintenance"] = new JsonObject { ["updateFrequency"] = "monthly", ["versioned"] = true },
        ["processingPlan"] = new JsonArray("de-identification"),
    };

    internal static async Task<JsonElement> Send(HttpClient client, HttpMethod method, string path, JsonNode? body)
    {
        using var content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await SendContent(client, method, path, content);
    }

    internal static async Task<JsonElement> SendContent(HttpClient client, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Ensure(response.IsSuccessStatusCode, $"{method} {path} answers success (got {(int)response.StatusCode}: {text})");
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    internal static void Ensure(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Provision: expected " + what + ".");
        }
    }
}
