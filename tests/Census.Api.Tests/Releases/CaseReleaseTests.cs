using System.Text.Json.Nodes;

namespace Census.Api.Tests.Releases;

/// <summary>A release made the way the contract means it: from a selected dataset's processing case once its tier is decided.</summary>
[Collection(ReleasesCollection.Name)]
public sealed class CaseReleaseTests(GatewayFixture gateway)
{
    private const string DatasetId = "ds-air";

    [Fact]
    public async Task A_case_with_a_decided_tier_gets_a_draft_at_that_tier_and_hears_of_its_publication()
    {
        var (roundId, scene) = await TierDecided();
        var content = ReleaseScene.Bytes(2048, seed: 40);
        await scene.Upload(content);

        using var created = await scene.Agency.PostAsync(scene.Releases, new JsonObject { ["roundId"] = roundId, ["notes"] = "first" }.AsJson());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.ReadJson();
        (await scene.PutFile("1.0", "air.csv", ReleaseScene.Whole(content))).Dispose();
        using var published = await scene.Publish("1.0");

        Assert.Equal("1.0", draft.GetProperty("version").GetString());
        Assert.Equal("open", draft.GetProperty("tier").GetString());
        Assert.Equal($"{scene.Releases}/1.0", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        using var @case = await gateway.Admin.Client.GetAsync(CaseRoute(roundId, scene.InstitutionId));
        var processing = await @case.ReadJson();
        Assert.Equal("released", processing.GetProperty("status").GetString());
        Assert.Equal(["1.0"], processing.GetProperty("releases").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task A_dataset_without_a_processing_case_in_the_round_gets_no_release()
    {
        var scene = await ReleaseScene.Arrange(gateway);

        using var response = await scene.Agency.PostAsync(scene.Releases, new JsonObject { ["roundId"] = "round-none" }.AsJson());

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("No processing case", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var list = await scene.Agency.GetAsync(scene.Releases);
        Assert.Equal(0, (await list.ReadJson()).GetProperty("total").GetInt32());
    }

    /// <summary>A finalized round whose one selected dataset (no personal data) has gone through its tasks to a tier decision.</summary>
    private async Task<(string RoundId, ReleaseScene Scene)> TierDecided()
    {
        var scene = await ReleaseScene.Arrange(gateway, DatasetId);
        var roundId = await gateway.NewOpenRound(scene.InstitutionId);
        var record = SurveyRecords.Valid();
        await gateway.Surveys.PutValid(roundId, scene.InstitutionId, DatasetId, record);
        await gateway.Rounds.CloseValid(roundId);
        var runId = await CompletedRun(roundId);
        using (var finalize = await gateway.Admin.Client.PostAsync($"/api/v1/rounds/{roundId}/selection", new JsonObject { ["runId"] = runId }.AsJson()))
        {
            Assert.Equal(HttpStatusCode.OK, finalize.StatusCode);
        }

        await Processing.ProcessingScene.UntilCasesOpen(gateway.Admin.Client, roundId, 1);
        var route = CaseRoute(roundId, scene.InstitutionId);
        using var opened = await scene.Agency.GetAsync(route);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        foreach (var task in (await opened.ReadJson()).GetProperty("tasks").EnumerateArray())
        {
            var step = task.GetProperty("step").GetString()!;
            await Expect(HttpStatusCode.OK, scene.Agency.PutAsync($"{route}/tasks/{step}", new JsonObject { ["state"] = "in-progress" }.AsJson()));
            await Expect(HttpStatusCode.OK, scene.Agency.PostAsync($"{route}/evidence/documents", new JsonObject { ["task"] = step, ["note"] = "Done and checked." }.AsJson()));
            await Expect(HttpStatusCode.OK, scene.Agency.PutAsync($"{route}/tasks/{step}", new JsonObject { ["state"] = "done" }.AsJson()));
        }

        await Expect(HttpStatusCode.OK, scene.Agency.PutAsync($"{route}/delivered", record.AsJson()));
        await Expect(HttpStatusCode.OK, scene.Agency.PostAsync($"{route}/submit", content: null));
        await Expect(HttpStatusCode.OK, gateway.Admin.Client.PostAsync($"{route}/tier", new JsonObject().AsJson()));
        return (roundId, scene);
    }

    private static string CaseRoute(string roundId, string institutionId) =>
        $"/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{DatasetId}/case";

    private static async Task Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> CompletedRun(string roundId)
    {
        using var start = await gateway.Admin.Client.PostAsync($"/api/v1/rounds/{roundId}/rankings", content: null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var runId = (await start.ReadJson()).GetProperty("runId").GetString()!;
        for (var until = DateTimeOffset.UtcNow.AddSeconds(30); ; await Task.Delay(TimeSpan.FromMilliseconds(100)))
        {
            using var response = await gateway.Admin.Client.GetAsync($"/api/v1/rounds/{roundId}/rankings/{runId}");
            if ((await response.ReadJson()).GetProperty("state").GetString() is not "running" and var state)
            {
                Assert.Equal("completed", state);
                return runId;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Run {runId} still running.");
        }
    }
}
