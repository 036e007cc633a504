using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>
/// api.md "Rankings and selection": starting and reading ranking runs, explanations, finalizing a round's
/// selection and reading it — every route against admin, agency and no key, and bad bodies on the two POSTs.
/// </summary>
[Collection(RankingsCollection.Name)]
public sealed class RankingApiTests(GatewayFixture gateway)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Two institutions with agency keys, invited to an open round where each has two records.</summary>
    private sealed record Scene(string RoundId, string InstitutionA, string KeyA, string InstitutionB, string KeyB)
    {
        public const string DatasetA1 = "ds-a1";
        public const string DatasetA2 = "ds-a2";
        public const string DatasetB1 = "ds-b1";
        public const string DatasetB2 = "ds-b2";
    }

    private static string Rankings(string roundId) => $"/api/v1/rounds/{roundId}/rankings";

    private static string RunRoute(string roundId, string runId) => $"{Rankings(roundId)}/{runId}";

    private static string ExplainRoute(string roundId, string runId, string institutionId, string datasetId) =>
        $"{RunRoute(roundId, runId)}/explain/{institutionId}/{datasetId}";

    private static string SelectionRoute(string roundId) => $"/api/v1/rounds/{roundId}/selection";

    private static Task<HttpResponseMessage> StartRun(HttpClient client, string roundId, JsonNode? body = null) =>
        client.PostAsync(Rankings(roundId), body?.AsJson());

    private static Task<HttpResponseMessage> Finalize(HttpClient client, string roundId, JsonNode body) =>
        client.PostAsync(SelectionRoute(roundId), body.AsJson());

    private static JsonObject FinalizeBody(string runId) => new() { ["runId"] = runId };

    private async Task<Scene> NewScene()
    {
        var a = await gateway.NewInstitution("inst-a");
        var b = await gateway.NewInstitution("inst-b");
        var keyA = (await gateway.Admin.IssueValidKey(a)).ApiKey;
        var keyB = (await gateway.Admin.IssueValidKey(b)).ApiKey;
        var roundId = await gateway.NewOpenRound(a, b);
        await gateway.Surveys.PutValid(roundId, a, Scene.DatasetA1);
        await gateway.Surveys.PutValid(roundId, a, Scene.DatasetA2);
        await gateway.Surveys.PutValid(roundId, b, Scene.DatasetB1);
        await gateway.Surveys.PutValid(roundId, b, Scene.DatasetB2);
        return new Scene(roundId, a, keyA, b, keyB);
    }

    /// <summary>Starts a run as admin and returns its id.</summary>
    private async Task<string> StartValid(string roundId)
    {
        using var response = await StartRun(gateway.Admin.Client, roundId);
        Assert.True(HttpStatusCode.Accepted == response.StatusCode, $"Expected 202, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJson()).GetProperty("runId").GetString()!;
    }

    /// <summary>Reads the run as admin until it is no longer running (at most 30 s) and returns it.</summary>
    private async Task<JsonElement> UntilFinished(string roundId, string runId)
    {
        var until = DateTimeOffset.UtcNow + RunTimeout;
        while (true)
        {
            using var response = await gateway.Admin.Client.GetAsync(RunRoute(roundId, runId));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var run = await response.ReadJson();
            if (run.GetProperty("state").GetString() != "running")
            {
                return run;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Run {runId} still running after {RunTimeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task<string> CompletedRun(string roundId)
    {
        var runId = await StartValid(roundId);
        Assert.Equal("completed", (await UntilFinished(roundId, runId)).GetProperty("state").GetString());
        return runId;
    }

    /// <summary>A scene whose round is closed and finalized with a completed run; returns the run too.</summary>
    private async Task<(Scene Scene, JsonElement Run)> FinalizedScene()
    {
        var scene = await NewScene();
        await gateway.Rounds.CloseValid(scene.RoundId);
        var runId = await CompletedRun(scene.RoundId);
        using var response = await Finalize(gateway.Admin.Client, scene.RoundId, FinalizeBody(runId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (scene, await UntilFinished(scene.RoundId, runId));
    }

    private static IEnumerable<(string, string)> Keys(JsonElement rows) =>
        rows.EnumerateArray().Select(r => (r.GetProperty("institutionId").GetString()!, r.GetProperty("datasetId").GetString()!));

    // ---- POST …/rankings

    [Fact]
    public async Task Starting_a_run_as_admin_is_202_with_the_run_and_its_location()
    {
        var scene = await NewScene();

        using var response = await StartRun(gateway.Admin.Client, scene.RoundId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await response.ReadJson();
        var runId = run.GetProperty("runId").GetString();
        Assert.False(string.IsNullOrEmpty(runId));
        Assert.Equal(RunRoute(scene.RoundId, runId!), response.Headers.Location?.OriginalString);
        Assert.Equal("running", run.GetProperty("state").GetString());
        Assert.Equal(1, run.GetProperty("rubricVersion").GetInt32());
    }

    [Fact]
    public async Task Starting_a_run_with_an_explicit_rubric_version_ranks_with_it()
    {
        var scene = await NewScene();
        using (var weights = await gateway.Rounds.SetWeights(scene.RoundId, RoundDefinitions.Weights(10, 10, 10, 10, 10, 10, 10, 10, 10, 10)))
        {
            Assert.Equal(HttpStatusCode.OK, weights.StatusCode);
        }

        using var response = await StartRun(gateway.Admin.Client, scene.RoundId, new JsonObject { ["rubricVersion"] = 1 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await response.ReadJson()).GetProperty("rubricVersion").GetInt32());
    }

    [Fact]
    public async Task Starting_a_run_without_a_key_is_401()
    {
        var scene = await NewScene();
        using var anonymous = gateway.Anonymous();

        using var response = await StartRun(anonymous, scene.RoundId);

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Starting_a_run_as_an_invited_agency_is_403()
    {
        var scene = await NewScene();

        using var response = await StartRun(gateway.As(scene.KeyA).Client, scene.RoundId);

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Starting_a_run_on_a_draft_round_is_409()
    {
        var roundId = await gateway.NewDraftRound(await gateway.NewInstitution());

        using var response = await StartRun(gateway.Admin.Client, roundId);

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Starting_a_run_on_an_unknown_round_is_404()
    {
        using var response = await StartRun(gateway.Admin.Client, Ids.New("round"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rubric_version_0_is_400_naming_rubricVersion()
    {
        var scene = await NewScene();

        using var response = await StartRun(gateway.Admin.Client, scene.RoundId, new JsonObject { ["rubricVersion"] = 0 });

        await response.AssertFieldErrors("rubricVersion");
    }

    [Fact]
    public async Task A_rubric_version_the_round_does_not_have_is_400_naming_rubricVersion()
    {
        var scene = await NewScene();

        using var response = await StartRun(gateway.Admin.Client, scene.RoundId, new JsonObject { ["rubricVersion"] = 99 });

        await response.AssertFieldErrors("rubricVersion");
    }

    [Fact]
    public async Task An_unknown_property_in_a_ranking_request_is_400_naming_it()
    {
        var scene = await NewScene();

        using var response = await StartRun(gateway.Admin.Client, scene.RoundId, new JsonObject { ["rubricVerison"] = 1 });

        await response.AssertFieldErrors("rubricVerison");
    }

    // ---- GET …/rankings/{runId}

    [Fact]
    public async Task Reading_a_run_as_admin_eventually_shows_it_completed_with_every_eligible_record_selected()
    {
        var scene = await NewScene();
        var runId = await StartValid(scene.RoundId);

        var run = await UntilFinished(scene.RoundId, runId);

        Assert.Equal("completed", run.GetProperty("state").GetString());
        Assert.Equal(4, run.GetProperty("scored").GetInt64());
        Assert.Equal(4, run.GetProperty("eligible").GetInt64());
        var selection = run.GetProperty("selection");
        Assert.Equal([1, 2, 3, 4], selection.EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal(
            selection.EnumerateArray().Sum(r => r.GetProperty("post").GetDecimal()),
            run.GetProperty("totalScore").GetDecimal());
    }

    [Fact]
    public async Task Reading_an_unknown_run_is_404()
    {
        var scene = await NewScene();

        using var response = await gateway.Admin.Client.GetAsync(RunRoute(scene.RoundId, "run-99"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reading_a_run_by_a_malformed_run_id_is_400_naming_runId()
    {
        var scene = await NewScene();

        using var response = await gateway.Admin.Client.GetAsync(RunRoute(scene.RoundId, "Run_1!"));

        await response.AssertFieldErrors("runId");
    }

    // ---- GET …/explain/{institutionId}/{datasetId}

    [Fact]
    public async Task Explaining_a_selected_record_as_admin_gives_its_rank()
    {
        var scene = await NewScene();
        var runId = await CompletedRun(scene.RoundId);

        using var response = await gateway.Admin.Client.GetAsync(ExplainRoute(scene.RoundId, runId, scene.InstitutionB, Scene.DatasetB1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var explanation = await response.ReadJson();
        Assert.True(explanation.GetProperty("selected").GetBoolean());
        Assert.Equal("selected", explanation.GetProperty("why").GetString());
        Assert.InRange(explanation.GetProperty("rank").GetInt32(), 1, 4);
    }

    [Fact]
    public async Task Explaining_a_record_the_round_does_not_have_is_404()
    {
        var scene = await NewScene();
        var runId = await CompletedRun(scene.RoundId);

        using var response = await gateway.Admin.Client.GetAsync(ExplainRoute(scene.RoundId, runId, scene.InstitutionA, "ds-none"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Explaining_a_record_of_an_unknown_run_is_404()
    {
        var scene = await NewScene();

        using var response = await gateway.Admin.Client.GetAsync(ExplainRoute(scene.RoundId, "run-99", scene.InstitutionA, Scene.DatasetA1));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    // ---- POST …/selection

    [Fact]
    public async Task Finalizing_an_open_round_is_409_and_leaves_it_open()
    {
        var scene = await NewScene();
        var runId = await CompletedRun(scene.RoundId);

        using var response = await Finalize(gateway.Admin.Client, scene.RoundId, FinalizeBody(runId));

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("open", await gateway.Rounds.State(scene.RoundId));
    }

    [Fact]
    public async Task Finalizing_a_closed_round_with_a_completed_run_is_200_and_finalizes_it()
    {
        var scene = await NewScene();
        await gateway.Rounds.CloseValid(scene.RoundId);
        var runId = await CompletedRun(scene.RoundId);

        using var response = await Finalize(gateway.Admin.Client, scene.RoundId, FinalizeBody(runId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("finalized", (await response.ReadJson()).GetProperty("state").GetString());
        Assert.Equal("finalized", await gateway.Rounds.State(scene.RoundId));
    }

    [Fact]
    public async Task Finalizing_with_a_run_started_before_the_close_is_409_and_the_withdrawn_record_is_never_official()
    {
        var scene = await NewScene();
        var staleRunId = await CompletedRun(scene.RoundId);
        var selected = (await UntilFinished(scene.RoundId, staleRunId)).GetProperty("selection")[0];
        var (institutionId, datasetId) = (selected.GetProperty("institutionId").GetString()!, selected.GetProperty("datasetId").GetString()!);
        using (var withdraw = await gateway.Surveys.Withdraw(scene.RoundId, institutionId, datasetId))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        }

        await gateway.Rounds.CloseValid(scene.RoundId);

        using var response = await Finalize(gateway.Admin.Client, scene.RoundId, FinalizeBody(staleRunId));

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("started before the round closed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("closed", await gateway.Rounds.State(scene.RoundId));
        using var selection = await gateway.Admin.Client.GetAsync(SelectionRoute(scene.RoundId));
        Assert.Equal(HttpStatusCode.NotFound, selection.StatusCode);
    }

    [Fact]
    public async Task A_run_started_after_the_close_is_finalized_without_the_record_withdrawn_before_it()
    {
        var scene = await NewScene();
        using (var withdraw = await gateway.Surveys.Withdraw(scene.RoundId, scene.InstitutionA, Scene.DatasetA1))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        }

        await gateway.Rounds.CloseValid(scene.RoundId);
        var runId = await CompletedRun(scene.RoundId);

        using var response = await Finalize(gateway.Admin.Client, scene.RoundId, FinalizeBody(runId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var selection = await gateway.Admin.Client.GetAsync(SelectionRoute(scene.RoundId));
        Assert.DoesNotContain((scene.InstitutionA, Scene.DatasetA1), Keys(await selection.ReadJson()));
    }

    [Fact]
    public async Task Finalizing_without_a_runId_is_400_naming_runId()
    {
        var scene = await NewScene();
        await gateway.Rounds.CloseValid(scene.RoundId);

        using var response = await Finalize(gateway.Admin.Client, scene.RoundId, new JsonObject());

        await response.AssertFieldErrors("runId");
        Assert.Equal("closed", await gateway.Rounds.State(scene.RoundId));
    }

    [Fact]
    public async Task Finalizing_with_an_unknown_run_is_404()
    {
        var scene = await NewScene();
        await gateway.Rounds.CloseValid(scene.RoundId);

        using var response = await Finalize(gateway.Admin.Client, scene.RoundId, FinalizeBody("run-99"));

        await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal("closed", await gateway.Rounds.State(scene.RoundId));
    }

    [Fact]
    public async Task An_unknown_property_in_a_finalize_request_is_400_naming_it()
    {
        var scene = await NewScene();
        await gateway.Rounds.CloseValid(scene.RoundId);

        using var response = await Finalize(gateway.Admin.Client, scene.RoundId, FinalizeBody("run-1").With("runID", "run-1"));

        await response.AssertFieldErrors("runID");
        Assert.Equal("closed", await gateway.Rounds.State(scene.RoundId));
    }

    // ---- GET …/selection

    [Fact]
    public async Task Reading_the_selection_before_finalization_is_404()
    {
        var scene = await NewScene();
        await CompletedRun(scene.RoundId);

        using var response = await gateway.Admin.Client.GetAsync(SelectionRoute(scene.RoundId));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_reads_every_row_of_the_finalized_selection()
    {
        var (scene, run) = await FinalizedScene();

        using var response = await gateway.Admin.Client.GetAsync(SelectionRoute(scene.RoundId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await response.ReadJson();
        Assert.Equal(4, rows.GetArrayLength());
        Assert.Equal(Keys(run.GetProperty("selection")), Keys(rows));
    }

    [Fact]
    public async Task An_invited_agency_reads_only_its_own_rows_of_the_selection()
    {
        var (scene, _) = await FinalizedScene();

        using var response = await gateway.As(scene.KeyA).Client.GetAsync(SelectionRoute(scene.RoundId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await response.ReadJson();
        Assert.Equal(
            [(scene.InstitutionA, Scene.DatasetA1), (scene.InstitutionA, Scene.DatasetA2)],
            Keys(rows).OrderBy(k => k.Item2, StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_agency_not_invited_to_the_round_is_403_on_its_selection()
    {
        var (scene, _) = await FinalizedScene();
        var outsider = await gateway.NewInstitution("inst-out");
        var key = (await gateway.Admin.IssueValidKey(outsider)).ApiKey;

        using var response = await gateway.As(key).Client.GetAsync(SelectionRoute(scene.RoundId));

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reading_the_selection_without_a_key_is_401()
    {
        var (scene, _) = await FinalizedScene();
        using var anonymous = gateway.Anonymous();

        using var response = await anonymous.GetAsync(SelectionRoute(scene.RoundId));

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    // ---- the admin-only routes against agencies and no key

    public enum AdminRoute
    {
        StartRun,
        GetRun,
        Explain,
        Finalize,
    }

    private static Task<HttpResponseMessage> Call(HttpClient client, AdminRoute route, Scene scene, string runId) => route switch
    {
        AdminRoute.StartRun => StartRun(client, scene.RoundId),
        AdminRoute.GetRun => client.GetAsync(RunRoute(scene.RoundId, runId)),
        AdminRoute.Explain => client.GetAsync(ExplainRoute(scene.RoundId, runId, scene.InstitutionA, Scene.DatasetA1)),
        AdminRoute.Finalize => Finalize(client, scene.RoundId, FinalizeBody(runId)),
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };

    [Theory]
    [InlineData(AdminRoute.StartRun)]
    [InlineData(AdminRoute.GetRun)]
    [InlineData(AdminRoute.Explain)]
    [InlineData(AdminRoute.Finalize)]
    public async Task An_admin_only_ranking_route_is_403_for_an_invited_agency(AdminRoute route)
    {
        var scene = await NewScene();
        await gateway.Rounds.CloseValid(scene.RoundId);
        var runId = await CompletedRun(scene.RoundId);

        using var response = await Call(gateway.As(scene.KeyA).Client, route, scene, runId);

        await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("closed", await gateway.Rounds.State(scene.RoundId));
    }

    [Theory]
    [InlineData(AdminRoute.StartRun)]
    [InlineData(AdminRoute.GetRun)]
    [InlineData(AdminRoute.Explain)]
    [InlineData(AdminRoute.Finalize)]
    public async Task An_admin_only_ranking_route_is_401_without_a_key(AdminRoute route)
    {
        var scene = await NewScene();
        await gateway.Rounds.CloseValid(scene.RoundId);
        var runId = await CompletedRun(scene.RoundId);
        using var anonymous = gateway.Anonymous();

        using var response = await Call(anonymous, route, scene, runId);

        await response.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("closed", await gateway.Rounds.State(scene.RoundId));
    }
}
