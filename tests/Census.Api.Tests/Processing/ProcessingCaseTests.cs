using System.Text.Json.Nodes;

namespace Census.Api.Tests.Processing;

/// <summary>
/// provision.md §1 through the HTTP API: a case per selected dataset, tasks with evidence, equivalence-class figures,
/// the adequacy review, the delivered record and its gap, and the tier rule.
/// </summary>
[Collection(ProcessingCollection.Name)]
public sealed class ProcessingCaseTests(GatewayFixture gateway) : IAsyncLifetime
{
    private ProcessingScene _scene = null!;

    public async Task InitializeAsync() => _scene = await ProcessingScene.Finalized(gateway);

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Agency => gateway.Factory.ClientWithKey(_scene.KeyA);

    private async Task<JsonElement> Case(string datasetId)
    {
        using var response = await gateway.Admin.Client.GetAsync(_scene.Case(datasetId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    private async Task MoveTask(string datasetId, string step, string state)
    {
        using var response = await Agency.PutAsync($"{_scene.Case(datasetId)}/tasks/{step}", new JsonObject { ["state"] = state }.AsJson());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task Document(string datasetId, string step)
    {
        using var response = await Agency.PostAsync($"{_scene.Case(datasetId)}/evidence/documents", new JsonObject { ["task"] = step, ["note"] = "검증 보고서 첨부" }.AsJson());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task FinishTasks(string datasetId)
    {
        foreach (var task in (await Case(datasetId)).GetProperty("tasks").EnumerateArray())
        {
            var step = task.GetProperty("step").GetString()!;
            await MoveTask(datasetId, step, "in-progress");
            if (step != "de-identification")
            {
                await Document(datasetId, step);
            }
            else
            {
                using var table = await Agency.PostAsync($"{_scene.Case(datasetId)}/evidence/equivalence-classes", ProcessingScene.Csv(ProcessingScene.PassingTable));
                Assert.True(table.StatusCode == HttpStatusCode.OK, await table.Content.ReadAsStringAsync());
            }

            await MoveTask(datasetId, step, "done");
        }
    }

    private async Task Deliver(string datasetId, JsonObject record)
    {
        using var response = await Agency.PutAsync($"{_scene.Case(datasetId)}/delivered", record.AsJson());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Finalizing_opens_a_case_per_selected_dataset_with_its_plan_and_the_mandatory_tasks()
    {
        var plain = await Case(ProcessingScene.Plain);
        var personal = await Case(ProcessingScene.Personal);

        Assert.Equal("processing", plain.GetProperty("status").GetString());
        Assert.Equal(["labeling", "cleansing", "quality-verification"],
            plain.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("step").GetString()));
        Assert.Equal(["de-identification", "quality-verification"],
            personal.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("step").GetString()));
        Assert.True(personal.GetProperty("personalDataPresent").GetBoolean());
    }

    [Fact]
    public async Task A_case_carries_the_sector_the_selection_counted_it_under_even_when_its_record_names_none()
    {
        // The record leaves its sector out: it defaults to its institution's (science-technology), as the selection counted it.
        var plain = await Case(ProcessingScene.Plain);

        Assert.Equal("science-technology", plain.GetProperty("sector").GetString());
    }

    [Fact]
    public async Task An_equivalence_class_table_gives_its_figures_judged_by_the_policy()
    {
        using var response = await Agency.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/evidence/equivalence-classes", ProcessingScene.Csv(ProcessingScene.PassingTable));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var evidence = (await response.ReadJson()).GetProperty("evidence").EnumerateArray().Last();
        var figures = evidence.GetProperty("figures");
        Assert.Equal(30, figures.GetProperty("records").GetInt64());
        Assert.Equal(3, figures.GetProperty("classes").GetInt64());
        Assert.Equal(8, figures.GetProperty("k").GetInt64());
        Assert.Equal(2, figures.GetProperty("l").GetInt32());
        Assert.Equal(0.125m, figures.GetProperty("prosecutorHighest").GetDecimal());
        Assert.Equal(0.1m, figures.GetProperty("prosecutorAverage").GetDecimal());
        Assert.Equal(0m, figures.GetProperty("t").GetDecimal());
        Assert.True(evidence.GetProperty("passed").GetBoolean());
        Assert.Equal(1, evidence.GetProperty("policyVersion").GetInt32());
        Assert.Equal(64, evidence.GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public async Task A_table_far_over_the_JSON_body_limit_is_evaluated()
    {
        // 60,000 classes of 6 records: about 1.9 MiB, over the 1 MiB limit of JSON bodies, well under the table limit.
        var table = new System.Text.StringBuilder("qi:district,qi:age,count\n");
        for (var i = 0; i < 60_000; i++)
        {
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"district-{i / 100:D4},age-band-{i % 100:D3},6\n");
        }

        Assert.True(table.Length > 1024 * 1024, $"{table.Length}");
        using var response = await Agency.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/evidence/equivalence-classes", ProcessingScene.Csv(table.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var figures = (await response.ReadJson()).GetProperty("evidence").EnumerateArray().Last().GetProperty("figures");
        Assert.Equal(60_000, figures.GetProperty("classes").GetInt64());
        Assert.Equal(360_000, figures.GetProperty("records").GetInt64());
    }

    [Theory]
    [InlineData("qi:age,count\n30-39,0\n", "rows[1].count")]
    [InlineData("qi:age,count\n30-39,-3\n", "rows[1].count")]
    [InlineData("qi:age,count\n30-39,6\n30-39,7\n", "rows[2]")]
    [InlineData("qi:age\n30-39\n", "count")]
    [InlineData("qi:age,count,sa:diagnosis=flu,sa:diagnosis=cold\n30-39,6,,6\n", "rows[1].sa:diagnosis=flu")]
    public async Task A_bad_equivalence_class_table_is_a_400_naming_the_row_and_changes_nothing(string table, string errorKeyStart)
    {
        var before = (await Case(ProcessingScene.Personal)).GetProperty("revision").GetInt32();

        using var response = await Agency.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/evidence/equivalence-classes", ProcessingScene.Csv(table));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith(errorKeyStart, StringComparison.Ordinal));
        Assert.Equal(before, (await Case(ProcessingScene.Personal)).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task A_table_for_a_case_without_de_identification_is_a_409_and_changes_nothing()
    {
        var before = (await Case(ProcessingScene.Plain)).GetProperty("revision").GetInt32();

        using var response = await Agency.PostAsync($"{_scene.Case(ProcessingScene.Plain)}/evidence/equivalence-classes", ProcessingScene.Csv(ProcessingScene.PassingTable));

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(before, (await Case(ProcessingScene.Plain)).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task A_sample_with_more_misses_than_items_is_a_400_and_changes_nothing()
    {
        var before = (await Case(ProcessingScene.Personal)).GetProperty("revision").GetInt32();

        using var response = await Agency.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/evidence/identifier-checks", new JsonObject
        {
            ["checks"] = new JsonArray(new JsonObject { ["identifierType"] = "names", ["tool"] = "ner-2", ["sampleSize"] = 300, ["misses"] = 301 }),
        }.AsJson());

        await response.AssertFieldErrors("checks[0].misses");
        Assert.Equal(before, (await Case(ProcessingScene.Personal)).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Identifier_checks_under_300_samples_never_pass()
    {
        using var response = await Agency.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/evidence/identifier-checks", new JsonObject
        {
            ["checks"] = new JsonArray(new JsonObject { ["identifierType"] = "faces", ["tool"] = "blur-3", ["sampleSize"] = 299, ["misses"] = 0 }),
        }.AsJson());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var evidence = (await response.ReadJson()).GetProperty("evidence").EnumerateArray().Last();
        Assert.False(evidence.GetProperty("passed").GetBoolean());
        Assert.False(evidence.GetProperty("identifierChecks")[0].GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task A_task_is_done_only_with_evidence_attached()
    {
        await MoveTask(ProcessingScene.Plain, "cleansing", "in-progress");

        using var response = await Agency.PutAsync($"{_scene.Case(ProcessingScene.Plain)}/tasks/cleansing", new JsonObject { ["state"] = "done" }.AsJson());

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_stale_If_Match_on_a_case_PUT_is_412_and_changes_nothing()
    {
        var before = (await Case(ProcessingScene.Plain)).GetProperty("revision").GetInt32();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{_scene.Case(ProcessingScene.Plain)}/tasks/cleansing")
        {
            Content = new JsonObject { ["state"] = "in-progress" }.AsJson(),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{before + 5}\"");

        using var response = await Agency.SendAsync(request);

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, (await Case(ProcessingScene.Plain)).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Another_institutions_agency_cannot_read_or_work_the_case()
    {
        using var other = gateway.Factory.ClientWithKey(_scene.KeyB);

        using var read = await other.GetAsync(_scene.Case(ProcessingScene.Plain));
        using var write = await other.PutAsync($"{_scene.Case(ProcessingScene.Plain)}/tasks/cleansing", new JsonObject { ["state"] = "in-progress" }.AsJson());

        await read.AssertProblem(HttpStatusCode.Forbidden);
        await write.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reviewer_of_the_institution_under_review_cannot_be_assigned()
    {
        using var response = await gateway.Admin.Client.PutAsync($"{_scene.Case(ProcessingScene.Personal)}/reviewers",
            new JsonObject { ["reviewers"] = new JsonArray(_scene.ReviewerA, _scene.ReviewerOut) }.AsJson());

        await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Empty((await Case(ProcessingScene.Personal)).GetProperty("reviewers").EnumerateArray());
    }

    [Fact]
    public async Task The_adequacy_review_approves_only_when_every_reviewer_approves_and_the_tier_follows_the_rule()
    {
        await AssignAndSubmitPersonal();
        using var reviewerB = gateway.Factory.ClientWithKey(_scene.ReviewerBKey);
        using var reviewerOut = gateway.Factory.ClientWithKey(_scene.ReviewerOutKey);

        using var first = await reviewerB.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/votes", Vote("approve", "k=8, l=2: adequate."));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("in-review", (await first.ReadJson()).GetProperty("status").GetString());
        using var twice = await reviewerB.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/votes", Vote("approve", "again"));
        await twice.AssertProblem(HttpStatusCode.Conflict);
        using var second = await reviewerOut.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/votes", Vote("approve", "Checked the table."));
        Assert.Equal("ready", (await second.ReadJson()).GetProperty("status").GetString());

        using var raised = await gateway.Admin.Client.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/tier", new JsonObject { ["tier"] = "open" }.AsJson());
        await raised.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ready", (await Case(ProcessingScene.Personal)).GetProperty("status").GetString());

        using var decided = await gateway.Admin.Client.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/tier", new JsonObject().AsJson());
        var tier = (await decided.ReadJson()).GetProperty("tier");
        Assert.Equal("restricted", tier.GetProperty("tier").GetString());
        Assert.Equal(3, tier.GetProperty("ruled").GetProperty("clause").GetInt32());
    }

    [Fact]
    public async Task A_rejection_sends_the_case_back_to_processing_with_its_reason_and_keeps_every_vote()
    {
        await AssignAndSubmitPersonal();
        using var reviewerB = gateway.Factory.ClientWithKey(_scene.ReviewerBKey);

        using var rejected = await reviewerB.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/votes", Vote("reject", "The region column is too fine."));

        var @case = await rejected.ReadJson();
        Assert.Equal("processing", @case.GetProperty("status").GetString());
        var review = @case.GetProperty("reviews")[0];
        Assert.Equal("rejected", review.GetProperty("outcome").GetString());
        Assert.Equal("The region column is too fine.", review.GetProperty("votes")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_reviewer_not_assigned_or_of_the_institution_cannot_vote()
    {
        await AssignAndSubmitPersonal();
        using var own = gateway.Factory.ClientWithKey(_scene.ReviewerAKey);

        using var response = await own.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/votes", Vote("approve", "mine"));

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_case_without_personal_data_needs_no_review_and_its_gap_is_reported_per_criterion()
    {
        await FinishTasks(ProcessingScene.Plain);
        await Deliver(ProcessingScene.Plain, SurveyRecords.Valid("대기질 측정 자료")
            .With("labeling", new JsonObject { ["status"] = "full", ["specDocumented"] = true, ["qaReported"] = true }));

        using var submitted = await Agency.PostAsync($"{_scene.Case(ProcessingScene.Plain)}/submit", content: null);
        Assert.Equal("ready", (await submitted.ReadJson()).GetProperty("status").GetString());

        var gap = (await Case(ProcessingScene.Plain)).GetProperty("gap");
        Assert.Equal(10, gap.GetProperty("criteria").GetArrayLength());
        Assert.Equal(gap.GetProperty("delivered").GetDecimal() - gap.GetProperty("promised").GetDecimal(), gap.GetProperty("gap").GetDecimal());

        using var report = await gateway.Admin.Client.GetAsync($"/api/v1/rounds/{_scene.RoundId}/promise-gap?by=institution");
        var rows = (await report.ReadJson()).GetProperty("rows");
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("key").GetString() == _scene.InstitutionA);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/rounds/{_scene.RoundId}/promise-gap?by=sector");
        request.Headers.Accept.ParseAdd("text/csv");
        using var csv = await gateway.Admin.Client.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("sector,datasets,gap,c1,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_key_is_refused_on_admin_routes_and_stops_working_when_revoked()
    {
        var (id, key) = await ProcessingScene.NewReviewer(gateway, "another-lab");
        using var reviewer = gateway.Factory.ClientWithKey(key);
        using var admin = await reviewer.GetAsync("/api/v1/institutions");
        await admin.AssertProblem(HttpStatusCode.Forbidden);

        using var keys = await gateway.Admin.Client.GetAsync($"/api/v1/principals/{id}/api-keys");
        var keyId = (await keys.ReadJson()).GetProperty("items")[0].GetProperty("keyId").GetString();
        using var revoke = await gateway.Admin.Client.DeleteAsync($"/api/v1/principals/{id}/api-keys/{keyId}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        using var after = await reviewer.GetAsync("/api/v1/reviews");
        await after.AssertProblem(HttpStatusCode.Unauthorized);
    }

    private async Task AssignAndSubmitPersonal()
    {
        using var assigned = await gateway.Admin.Client.PutAsync($"{_scene.Case(ProcessingScene.Personal)}/reviewers",
            new JsonObject { ["reviewers"] = new JsonArray(_scene.ReviewerB, _scene.ReviewerOut) }.AsJson());
        Assert.True(assigned.StatusCode == HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        await FinishTasks(ProcessingScene.Personal);
        await Deliver(ProcessingScene.Personal, SurveyRecords.Valid("민원 상담 기록")
            .With("modality", "tabular")
            .With("personalData.status", "pseudonymized")
            .With("personalData.riskAssessed", true));
        using var submitted = await Agency.PostAsync($"{_scene.Case(ProcessingScene.Personal)}/submit", content: null);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        Assert.Equal("in-review", (await submitted.ReadJson()).GetProperty("status").GetString());
    }

    private static StringContent Vote(string decision, string reason) =>
        new JsonObject { ["decision"] = decision, ["reason"] = reason }.AsJson();
}
