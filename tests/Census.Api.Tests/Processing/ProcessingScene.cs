using System.Text;
using System.Text.Json.Nodes;

namespace Census.Api.Tests.Processing;

/// <summary>
/// A finalized round with two selected datasets of institution A: <see cref="Plain"/> (no personal data; plan cleansing
/// and labeling) and <see cref="Personal"/> (identifiable personal data; plan de-identification). Institution B holds no
/// selected dataset; a reviewer of B and one of an outside organisation are registered with keys, and one reviewer of A.
/// </summary>
public sealed record ProcessingScene(
    string RoundId, string InstitutionA, string KeyA, string InstitutionB, string KeyB,
    string ReviewerB, string ReviewerBKey, string ReviewerOut, string ReviewerOutKey, string ReviewerA, string ReviewerAKey)
{
    public const string Plain = "ds-plain";
    public const string Personal = "ds-personal";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    public string Case(string datasetId) => $"/api/v1/rounds/{RoundId}/institutions/{InstitutionA}/datasets/{datasetId}/case";

    public static async Task<ProcessingScene> Finalized(GatewayFixture gateway)
    {
        var a = await gateway.NewInstitution("proc-a");
        var b = await gateway.NewInstitution("proc-b");
        var keyA = (await gateway.Admin.IssueValidKey(a)).ApiKey;
        var keyB = (await gateway.Admin.IssueValidKey(b)).ApiKey;
        var roundId = await gateway.NewOpenRound(a, b);
        await gateway.Surveys.PutValid(roundId, a, Plain, SurveyRecords.Valid("대기질 측정 자료"));
        await gateway.Surveys.PutValid(roundId, a, Personal, SurveyRecords.Valid("민원 상담 기록")
            .With("modality", "tabular")
            .With("personalData.status", "identifiable")
            .With("personalData.deidentificationPlanned", true)
            .With("processingPlan", new JsonArray("de-identification")));
        await gateway.Rounds.CloseValid(roundId);

        using var start = await gateway.Admin.Client.PostAsync($"/api/v1/rounds/{roundId}/rankings", content: null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var runId = (await start.ReadJson()).GetProperty("runId").GetString()!;
        var until = DateTimeOffset.UtcNow + RunTimeout;
        while (true)
        {
            using var run = await gateway.Admin.Client.GetAsync($"/api/v1/rounds/{roundId}/rankings/{runId}");
            if ((await run.ReadJson()).GetProperty("state").GetString() != "running")
            {
                break;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Run {runId} still running after {RunTimeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        using var finalize = await gateway.Admin.Client.PostAsync($"/api/v1/rounds/{roundId}/selection", new JsonObject { ["runId"] = runId }.AsJson());
        Assert.Equal(HttpStatusCode.OK, finalize.StatusCode);
        await UntilCasesOpen(gateway.Admin.Client, roundId, 2);

        var (reviewerB, reviewerBKey) = await NewReviewer(gateway, b);
        var (reviewerOut, reviewerOutKey) = await NewReviewer(gateway, "outside-lab");
        var (reviewerA, reviewerAKey) = await NewReviewer(gateway, a);
        return new ProcessingScene(roundId, a, keyA, b, keyB, reviewerB, reviewerBKey, reviewerOut, reviewerOutKey, reviewerA, reviewerAKey);
    }

    /// <summary>The round's case opener opens the cases in its own turns, right after the finalization: wait for them.</summary>
    public static async Task UntilCasesOpen(HttpClient admin, string roundId, int count)
    {
        var until = DateTimeOffset.UtcNow + RunTimeout;
        while (true)
        {
            using var cases = await admin.GetAsync($"/api/v1/rounds/{roundId}/cases");
            if ((await cases.ReadJson()).GetArrayLength() >= count)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"{count} case(s) of round {roundId} open within {RunTimeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public static async Task<(string Id, string Key)> NewReviewer(GatewayFixture gateway, string organisation)
    {
        var id = Ids.New("rev");
        using var registered = await gateway.Admin.Client.PostAsync("/api/v1/principals", new JsonObject
        {
            ["id"] = id, ["name"] = "심사위원 " + id, ["role"] = "reviewer", ["organisation"] = organisation,
        }.AsJson());
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var issued = await gateway.Admin.Client.PostAsync($"/api/v1/principals/{id}/api-keys", content: null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (id, (await issued.ReadJson()).GetProperty("apiKey").GetString()!);
    }

    /// <summary>An equivalence-class table that passes the default policy: every class of 6 or more with 2+ diagnoses.</summary>
    public static string PassingTable =>
        "qi:age,qi:region,count,sa:diagnosis=flu,sa:diagnosis=cold\n" +
        "30-39,seoul,10,5,5\n" +
        "40-49,seoul,8,4,4\n" +
        "30-39,busan,12,6,6\n";

    public static StringContent Csv(string table) => new(table, Encoding.UTF8, "text/csv");

    /// <summary>The plain case with its tasks done and its record delivered: the submit call is next.</summary>
    public static async Task<IdempotencyTests.Call> ReadyToSubmit(GatewayFixture gateway)
    {
        var scene = await Finalized(gateway);
        await scene.FinishPlain(gateway);
        return new IdempotencyTests.Call(HttpMethod.Post, scene.Case(Plain) + "/submit", null);
    }

    /// <summary>The plain case submitted (no review needed): the tier decision is next.</summary>
    public static async Task<IdempotencyTests.Call> ReadyForTier(GatewayFixture gateway)
    {
        var scene = await Finalized(gateway);
        await scene.FinishPlain(gateway);
        await Send(gateway.Admin.Client, HttpMethod.Post, scene.Case(Plain) + "/submit", null);
        return new IdempotencyTests.Call(HttpMethod.Post, scene.Case(Plain) + "/tier", new JsonObject());
    }

    /// <summary>The plain case with its tier decided: creating its first release is next.</summary>
    public static async Task<IdempotencyTests.Call> ReadyForRelease(GatewayFixture gateway)
    {
        var scene = await Finalized(gateway);
        await scene.FinishPlain(gateway);
        await Send(gateway.Admin.Client, HttpMethod.Post, scene.Case(Plain) + "/submit", null);
        await Send(gateway.Admin.Client, HttpMethod.Post, scene.Case(Plain) + "/tier", new JsonObject());
        return new IdempotencyTests.Call(
            HttpMethod.Post, $"/api/v1/institutions/{scene.InstitutionA}/datasets/{Plain}/releases", new JsonObject { ["roundId"] = scene.RoundId });
    }

    /// <summary>The personal case under review by reviewers B and Out: reviewer B's vote is next.</summary>
    public static async Task<IdempotencyTests.Call> InReview(GatewayFixture gateway)
    {
        var scene = await Finalized(gateway);
        var admin = gateway.Admin.Client;
        await Send(admin, HttpMethod.Put, scene.Case(Personal) + "/reviewers", new JsonObject { ["reviewers"] = new JsonArray(scene.ReviewerB, scene.ReviewerOut) });
        await Send(admin, HttpMethod.Post, scene.Case(Personal) + "/evidence/identifier-checks", new JsonObject
        {
            ["checks"] = new JsonArray(new JsonObject { ["identifierType"] = "names", ["tool"] = "ner", ["sampleSize"] = 400, ["misses"] = 0 }),
        });
        foreach (var step in new[] { "de-identification", "quality-verification" })
        {
            await Send(admin, HttpMethod.Put, $"{scene.Case(Personal)}/tasks/{step}", new JsonObject { ["state"] = "in-progress" });
            if (step != "de-identification")
            {
                await Send(admin, HttpMethod.Post, scene.Case(Personal) + "/evidence/documents", new JsonObject { ["task"] = step, ["note"] = "확인" });
            }

            await Send(admin, HttpMethod.Put, $"{scene.Case(Personal)}/tasks/{step}", new JsonObject { ["state"] = "done" });
        }

        await Send(admin, HttpMethod.Put, scene.Case(Personal) + "/delivered", SurveyRecords.Valid("민원 상담 기록").With("personalData.status", "pseudonymized"));
        await Send(admin, HttpMethod.Post, scene.Case(Personal) + "/submit", null);
        return new IdempotencyTests.Call(HttpMethod.Post, scene.Case(Personal) + "/votes", new JsonObject { ["decision"] = "approve", ["reason"] = "충분함" })
        {
            ApiKey = scene.ReviewerBKey,
        };
    }

    private async Task FinishPlain(GatewayFixture gateway)
    {
        var admin = gateway.Admin.Client;
        foreach (var step in new[] { "labeling", "cleansing", "quality-verification" })
        {
            await Send(admin, HttpMethod.Put, $"{Case(Plain)}/tasks/{step}", new JsonObject { ["state"] = "in-progress" });
            await Send(admin, HttpMethod.Post, Case(Plain) + "/evidence/documents", new JsonObject { ["task"] = step, ["note"] = "완료" });
            await Send(admin, HttpMethod.Put, $"{Case(Plain)}/tasks/{step}", new JsonObject { ["state"] = "done" });
        }

        await Send(admin, HttpMethod.Put, Case(Plain) + "/delivered", SurveyRecords.Valid("대기질 측정 자료"));
    }

    private static async Task Send(HttpClient client, HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body?.AsJson() };
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
