using Census.Contracts.Rankings;

namespace Census.Grains.Tests.Rankings;

/// <summary>
/// rubric.md "Selection" through <see cref="ICensusRoundGrain.StartRanking"/> and <see cref="IRankingRunGrain"/>:
/// a run scores the round's records, selects exactly, explains itself, and a closed round is finalized with it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RankingRunTests(ClusterFixture fixture)
{
    private static readonly SelectionPolicy OnePerInstitution = new() { Quota = 3, MaxPerInstitution = 1 };

    private readonly TestCensus _census = new(fixture.Client);

    /// <summary>
    /// A valid record whose post score rises strictly with <paramref name="u"/> (2..12), in units of
    /// 1.25 points under rubric v1: volume level (C3, 2 units a level), availability after processing
    /// (C5, open 3 units above restricted) and a datasheet (C9, 1 unit).
    /// </summary>
    private static SurveyRecord Scored(int u, bool lawful = true)
    {
        Assert.InRange(u, 2, 12);
        var open = u >= 10;
        var units = open ? u - 3 : u;
        var volumeLevel = units / 2;
        long[] records = [0, 5_000, 50_000, 5_000_000, 200_000_000];
        return SurveyRecords.Valid() with
        {
            Sector = Sector.EnvironmentWeather,
            LawfulToProvide = lawful,
            Volume = new SurveyVolume { Records = records[volumeLevel], Bytes = 1_000_000 },
            Availability = new SurveyAvailability
            {
                Now = AvailabilityScope.Restricted,
                AfterProcessing = open ? AvailabilityScope.Open : AvailabilityScope.Restricted,
            },
            Documentation = new SurveyDocumentation { DataDictionary = true, Datasheet = units % 2 == 1 },
        };
    }

    private sealed record Seeded(string RoundId, string[] Institutions, Dictionary<string, SurveyResponse> Records)
    {
        public SurveyResponse this[string name] => Records[name];
    }

    /// <summary>
    /// An open round of four institutions a..d with <paramref name="policy"/>: a has 12, 11 and an
    /// ineligible 12 (G1), b 10 and 4, c 9 and 3, d 8 and 2 (see <see cref="Scored"/>).
    /// </summary>
    private async Task<Seeded> FourInstitutions(SelectionPolicy policy)
    {
        var institutions = new string[4];
        for (var i = 0; i < 4; i++)
        {
            institutions[i] = await _census.RegisteredInstitution();
        }

        var roundId = await _census.OpenRound(d => d with { Institutions = institutions, Selection = policy });
        var plan = new (string Name, int Institution, int U, bool Lawful)[]
        {
            ("a-top", 0, 12, true), ("a-second", 0, 11, true), ("a-unlawful", 0, 12, false),
            ("b-top", 1, 10, true), ("b-low", 1, 4, true),
            ("c-top", 2, 9, true), ("c-low", 2, 3, true),
            ("d-top", 3, 8, true), ("d-low", 3, 2, true),
        };
        var written = new Dictionary<string, SurveyResponse>();
        foreach (var (name, institution, u, lawful) in plan)
        {
            var result = await _census.Dataset(institutions[institution], $"rank-{name}").Put(TestCensus.Write(roundId, Scored(u, lawful)));
            Assert.NotNull(result.Response);
            written[name] = result.Response!;
        }

        return new Seeded(roundId, institutions, written);
    }

    private IRankingRunGrain Run(string roundId, string runId) => fixture.Client.GetGrain<IRankingRunGrain>($"{roundId}/{runId}");

    private async Task<RankingRun> StartAndWait(string roundId, int? rubricVersion = null)
    {
        var started = await _census.Round(roundId).StartRanking(rubricVersion, TestCensus.Admin);
        Assert.Equal(StartRankingOutcome.Started, started.Outcome);
        var grain = Run(roundId, started.Run!.RunId);
        return (await Eventually.Until(grain.Get, r => r is not null && r.State != RunState.Running))!;
    }

    /// <summary>Ranking order (rubric.md): post desc, now desc, key asc.</summary>
    private static IEnumerable<SurveyResponse> InRankingOrder(IEnumerable<SurveyResponse> records) =>
        records.OrderByDescending(r => r.Score.Post).ThenByDescending(r => r.Score.Now)
            .ThenBy(r => $"{r.InstitutionId}/{r.DatasetId}", StringComparer.Ordinal);

    /// <summary>
    /// With only a quota and one record per institution the exact selection is picked by hand: each
    /// institution's best eligible record, then the best <paramref name="quota"/> of those.
    /// </summary>
    private static List<SurveyResponse> BestOfEachInstitution(IEnumerable<SurveyResponse> records, int quota) =>
        [.. InRankingOrder(records.Where(r => r.Score.Eligible)
            .GroupBy(r => r.InstitutionId)
            .Select(g => InRankingOrder(g).First()))
            .Take(quota)];

    private static (string, string) Key(SelectedRecord s) => (s.InstitutionId, s.DatasetId);

    private static (string, string) Key(SurveyResponse r) => (r.InstitutionId, r.DatasetId);

    [Fact]
    public async Task A_run_completes_with_the_best_record_of_each_of_the_top_institutions_under_one_per_institution()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        var expected = BestOfEachInstitution(seeded.Records.Values, quota: 3);

        var run = await StartAndWait(seeded.RoundId);

        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(expected.Select(Key), run.Selection.Select(Key));
        Assert.Equal([Key(seeded["a-top"]), Key(seeded["b-top"]), Key(seeded["c-top"])], run.Selection.Select(Key));
    }

    [Fact]
    public async Task A_selected_record_carries_its_post_and_now_scores_sector_and_modality()
    {
        var seeded = await FourInstitutions(OnePerInstitution);

        var run = await StartAndWait(seeded.RoundId);

        var top = Assert.Single(run.Selection, s => s.DatasetId == "rank-a-top");
        Assert.Equal(seeded["a-top"].Score.Post, top.Post);
        Assert.Equal(seeded["a-top"].Score.Now, top.Now);
        Assert.Equal(Sector.EnvironmentWeather, top.Sector);
        Assert.Equal(Modality.TimeSeries, top.Modality);
    }

    [Fact]
    public async Task Ranks_are_one_based_in_ranking_order()
    {
        var seeded = await FourInstitutions(OnePerInstitution);

        var run = await StartAndWait(seeded.RoundId);

        Assert.Equal([1, 2, 3], run.Selection.Select(s => s.Rank));
        Assert.Equal(run.Selection.OrderByDescending(s => s.Post).Select(Key), run.Selection.Select(Key));
    }

    [Fact]
    public async Task A_run_counts_every_scored_record_and_the_eligible_ones()
    {
        var seeded = await FourInstitutions(OnePerInstitution);

        var run = await StartAndWait(seeded.RoundId);

        Assert.Equal(9, run.Scored);
        Assert.Equal(8, run.Eligible);
    }

    [Fact]
    public async Task The_total_score_is_the_sum_of_the_selected_post_scores()
    {
        var seeded = await FourInstitutions(OnePerInstitution);

        var run = await StartAndWait(seeded.RoundId);

        Assert.Equal(seeded["a-top"].Score.Post + seeded["b-top"].Score.Post + seeded["c-top"].Score.Post, run.TotalScore);
        Assert.Equal(run.Selection.Sum(s => s.Post), run.TotalScore);
    }

    [Fact]
    public async Task A_run_names_the_rubric_version_it_used_and_when_it_completed()
    {
        var seeded = await FourInstitutions(OnePerInstitution);

        var run = await StartAndWait(seeded.RoundId);

        Assert.Equal(1, run.RubricVersion);
        Assert.NotNull(run.CompletedAt);
        Assert.True(run.CompletedAt >= run.StartedAt);
        Assert.Null(run.Reason);
    }

    [Fact]
    public async Task Ranking_the_same_closed_round_twice_gives_identical_selections()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(seeded.RoundId).Close(TestCensus.Admin)).Outcome);

        var first = await StartAndWait(seeded.RoundId);
        var second = await StartAndWait(seeded.RoundId);

        Assert.NotEqual(first.RunId, second.RunId);
        Assert.Equal(RunState.Completed, second.State);
        Assert.Equal(first.Selection, second.Selection);
        Assert.Equal(first.TotalScore, second.TotalScore);
    }

    [Fact]
    public async Task Ranking_the_same_open_round_twice_gives_identical_selections()
    {
        var seeded = await FourInstitutions(OnePerInstitution);

        var first = await StartAndWait(seeded.RoundId);
        var second = await StartAndWait(seeded.RoundId);

        Assert.Equal(RunState.Completed, second.State);
        Assert.Equal(first.Selection, second.Selection);
    }

    [Fact]
    public async Task A_run_with_an_older_rubric_version_ranks_with_that_versions_weights()
    {
        // Under v1 (C3 10, C5 15) the small open record leads; under v2 (C3 55) the large restricted one does.
        var institutionId = await _census.RegisteredInstitution();
        var roundId = await _census.OpenRound(d => d with { Institutions = [institutionId], Selection = new SelectionPolicy { Quota = 2 } });
        var large = (await _census.Dataset(institutionId, "rank-large").Put(TestCensus.Write(roundId, Scored(8)))).Response!;  // volume 4, restricted
        var small = (await _census.Dataset(institutionId, "rank-small").Put(TestCensus.Write(roundId, Scored(10)))).Response!; // volume 3, open
        var v2 = new RubricWeights { C1 = 5, C2 = 5, C3 = 55, C4 = 5, C5 = 5, C6 = 5, C7 = 5, C8 = 5, C9 = 5, C10 = 5 };
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(roundId).SetWeights(v2, TestCensus.Admin)).Outcome);
        static decimal PostUnder(RubricWeights w, SurveyResponse r) =>
            r.Score.Breakdown.Select((c, i) => w.ToArray()[i] * c.LevelPost).Sum() / 4m;

        var older = await StartAndWait(roundId, rubricVersion: 1);
        var current = await StartAndWait(roundId);

        Assert.Equal(1, older.RubricVersion);
        Assert.Equal(2, current.RubricVersion);
        Assert.Equal(["rank-small", "rank-large"], older.Selection.Select(s => s.DatasetId));
        Assert.Equal([small.Score.Post, large.Score.Post], older.Selection.Select(s => s.Post));
        Assert.Equal(["rank-large", "rank-small"], current.Selection.Select(s => s.DatasetId));
        Assert.Equal([PostUnder(v2, large), PostUnder(v2, small)], current.Selection.Select(s => s.Post));
    }

    [Fact]
    public async Task A_sector_minimum_no_selection_can_meet_makes_the_run_infeasible_naming_sectorMin()
    {
        var seeded = await FourInstitutions(OnePerInstitution with
        {
            SectorMin = new Dictionary<Sector, int> { [Sector.HealthMedical] = 1 },
        });

        var run = await StartAndWait(seeded.RoundId);

        Assert.Equal(RunState.Infeasible, run.State);
        Assert.Contains("sectorMin", run.Reason, StringComparison.Ordinal);
        Assert.Contains("health-medical", run.Reason, StringComparison.Ordinal);
        Assert.Empty(run.Selection);
    }

    [Fact]
    public async Task A_draft_round_cannot_be_ranked()
    {
        var roundId = await _census.DraftRound();

        var result = await _census.Round(roundId).StartRanking(null, TestCensus.Admin);

        Assert.Equal(StartRankingOutcome.WrongState, result.Outcome);
        Assert.Null(result.Run);
    }

    [Fact]
    public async Task An_unknown_rubric_version_is_refused()
    {
        var roundId = await _census.OpenRound();

        var result = await _census.Round(roundId).StartRanking(2, TestCensus.Admin);

        Assert.Equal(StartRankingOutcome.UnknownRubricVersion, result.Outcome);
        Assert.Null(result.Run);
    }

    [Fact]
    public async Task Explain_says_a_selected_record_is_selected_with_its_rank()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        var run = await StartAndWait(seeded.RoundId);

        var explanation = await Run(seeded.RoundId, run.RunId).Explain(seeded.Institutions[1], "rank-b-top");

        Assert.NotNull(explanation);
        Assert.True(explanation.Selected);
        Assert.Equal(2, explanation.Rank);
        Assert.Equal("selected", explanation.Why);
        Assert.Equal(seeded["b-top"].Score.Post, explanation.Post);
        Assert.Equal(seeded["b-top"].Score.Now, explanation.Now);
    }

    [Fact]
    public async Task Explain_says_a_record_failing_G1_is_ineligible_naming_the_gate()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        var run = await StartAndWait(seeded.RoundId);

        var explanation = await Run(seeded.RoundId, run.RunId).Explain(seeded.Institutions[0], "rank-a-unlawful");

        Assert.NotNull(explanation);
        Assert.False(explanation.Selected);
        Assert.Null(explanation.Rank);
        Assert.Equal("ineligible", explanation.Why);
        Assert.Contains("G1", explanation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_says_a_record_kept_out_by_its_institutions_cap_is_held_by_maxPerInstitution()
    {
        // a-second outscores b-top and c-top, but a-top already takes a's one place.
        var seeded = await FourInstitutions(OnePerInstitution);
        Assert.True(seeded["a-second"].Score.Post > seeded["c-top"].Score.Post);
        var run = await StartAndWait(seeded.RoundId);

        var explanation = await Run(seeded.RoundId, run.RunId).Explain(seeded.Institutions[0], "rank-a-second");

        Assert.NotNull(explanation);
        Assert.False(explanation.Selected);
        Assert.Equal("constraint", explanation.Why);
        Assert.Contains("maxPerInstitution", explanation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_says_an_eligible_record_below_the_quotas_cut_is_below_the_cut()
    {
        // d-top is the best of d, but three institutions have better records and the quota is 3.
        var seeded = await FourInstitutions(OnePerInstitution);
        var run = await StartAndWait(seeded.RoundId);

        var explanation = await Run(seeded.RoundId, run.RunId).Explain(seeded.Institutions[3], "rank-d-top");

        Assert.NotNull(explanation);
        Assert.False(explanation.Selected);
        Assert.Equal("below-cut", explanation.Why);
        Assert.Equal(seeded["d-top"].Score.Post, explanation.Post);
    }

    [Theory]
    [InlineData("G2")]
    [InlineData("G3")]
    public async Task Explain_names_the_gate_an_ineligible_record_fails(string gate)
    {
        var institutionId = await _census.RegisteredInstitution();
        var roundId = await _census.OpenRound(d => d with { Institutions = [institutionId], Selection = OnePerInstitution });
        var record = gate == "G2"
            ? Scored(12) with { License = License.Unknown }
            : Scored(12) with { Availability = new SurveyAvailability { Now = AvailabilityScope.Restricted, AfterProcessing = AvailabilityScope.NotProvidable } };
        Assert.NotNull((await _census.Dataset(institutionId, "rank-gated").Put(TestCensus.Write(roundId, record))).Response);
        var run = await StartAndWait(roundId);

        var explanation = await Run(roundId, run.RunId).Explain(institutionId, "rank-gated");

        Assert.NotNull(explanation);
        Assert.Equal("ineligible", explanation.Why);
        Assert.Contains(gate, explanation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_says_a_record_kept_out_by_a_sector_maximum_is_held_by_that_sectorMax()
    {
        // Every record is environment-weather and the sector may have one: b-top is kept out by the sector, not the quota.
        var seeded = await FourInstitutions(OnePerInstitution with
        {
            SectorMax = new Dictionary<Sector, int> { [Sector.EnvironmentWeather] = 1 },
        });
        var run = await StartAndWait(seeded.RoundId);
        Assert.Equal([Key(seeded["a-top"])], run.Selection.Select(Key));

        var explanation = await Run(seeded.RoundId, run.RunId).Explain(seeded.Institutions[1], "rank-b-top");

        Assert.NotNull(explanation);
        Assert.Equal("constraint", explanation.Why);
        Assert.Contains("sectorMax.environment-weather", explanation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_gives_the_scores_the_run_ranked_with_after_the_record_changes_in_an_open_round()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        var run = await StartAndWait(seeded.RoundId);
        var ranked = run.Selection.Single(s => s.DatasetId == "rank-b-top");
        var rewritten = await _census.Dataset(seeded.Institutions[1], "rank-b-top")
            .Put(TestCensus.Write(seeded.RoundId, Scored(2), ifMatch: seeded["b-top"].Revision, bodyHash: "body-2"));
        Assert.NotNull(rewritten.Response);
        Assert.NotEqual(ranked.Post, rewritten.Response!.Score.Post);

        var explanation = await Run(seeded.RoundId, run.RunId).Explain(seeded.Institutions[1], "rank-b-top");

        Assert.NotNull(explanation);
        Assert.True(explanation.Selected);
        Assert.Equal(ranked.Post, explanation.Post);
        Assert.Equal(ranked.Now, explanation.Now);
    }

    [Fact]
    public async Task Explain_knows_nothing_of_a_record_written_after_the_run()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        var run = await StartAndWait(seeded.RoundId);
        Assert.NotNull((await _census.Dataset(seeded.Institutions[3], "rank-late").Put(TestCensus.Write(seeded.RoundId, Scored(2)))).Response);

        var explanation = await Run(seeded.RoundId, run.RunId).Explain(seeded.Institutions[3], "rank-late");

        Assert.Null(explanation);
    }

    [Fact]
    public async Task Explain_knows_nothing_of_a_record_changed_after_the_run_by_a_writer_whose_clock_is_behind()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        var run = await StartAndWait(seeded.RoundId);
        var row = fixture.Index.Find(seeded.RoundId, seeded.Institutions[1], "rank-b-low")!;
        await fixture.Index.UpsertAsync(row with
        {
            Revision = row.Revision + 1,
            LevelsPost = [.. row.LevelsPost.Select(_ => 0)],
            UpdatedAt = run.StartedAt - TimeSpan.FromHours(1),
        });

        var explanation = await Run(seeded.RoundId, run.RunId).Explain(seeded.Institutions[1], "rank-b-low");

        Assert.Null(explanation);
    }

    [Fact]
    public async Task Explain_still_explains_a_record_whose_group_did_not_change_when_others_did()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        var run = await StartAndWait(seeded.RoundId);
        Assert.NotNull((await _census.Dataset(seeded.Institutions[3], "rank-late").Put(TestCensus.Write(seeded.RoundId, Scored(2)))).Response);

        var explanation = await Run(seeded.RoundId, run.RunId).Explain(seeded.Institutions[1], "rank-b-low");

        Assert.NotNull(explanation);
        Assert.Equal("constraint", explanation.Why);
    }

    [Fact]
    public async Task Explain_knows_nothing_of_a_record_the_round_does_not_have()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        var run = await StartAndWait(seeded.RoundId);

        var explanation = await Run(seeded.RoundId, run.RunId).Explain(seeded.Institutions[0], "rank-no-such-dataset");

        Assert.Null(explanation);
    }

    [Fact]
    public async Task Finalizing_an_open_round_is_refused_as_the_wrong_state()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        var run = await StartAndWait(seeded.RoundId);

        var result = await _census.Round(seeded.RoundId).Finalize(run.RunId, TestCensus.Admin);

        Assert.Equal(RoundOutcome.WrongState, result.Outcome);
        Assert.Equal(RoundState.Open, (await _census.Round(seeded.RoundId).Get())!.State);
        Assert.Null(await _census.Round(seeded.RoundId).Selection());
    }

    [Fact]
    public async Task Finalizing_with_a_run_started_before_the_close_is_refused_as_the_wrong_state()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        var run = await StartAndWait(seeded.RoundId);
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(seeded.RoundId).Close(TestCensus.Admin)).Outcome);

        var result = await _census.Round(seeded.RoundId).Finalize(run.RunId, TestCensus.Admin);

        Assert.Equal(RoundOutcome.WrongState, result.Outcome);
        Assert.Contains("started before the round closed", result.Detail, StringComparison.Ordinal);
        Assert.Null(await _census.Round(seeded.RoundId).Selection());
    }

    [Fact]
    public async Task A_run_started_after_the_close_can_be_finalized_though_an_earlier_one_cannot()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        await StartAndWait(seeded.RoundId);
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(seeded.RoundId).Close(TestCensus.Admin)).Outcome);
        var afterClose = await StartAndWait(seeded.RoundId);

        var result = await _census.Round(seeded.RoundId).Finalize(afterClose.RunId, TestCensus.Admin);

        Assert.Equal(RoundOutcome.Ok, result.Outcome);
        Assert.Equal(afterClose.Selection, await _census.Round(seeded.RoundId).Selection());
    }

    [Fact]
    public async Task Finalizing_with_a_run_the_round_never_started_is_not_found()
    {
        var roundId = await _census.ClosedRound();

        var result = await _census.Round(roundId).Finalize("run-99", TestCensus.Admin);

        Assert.Equal(RoundOutcome.NotFound, result.Outcome);
        Assert.Equal(RoundState.Closed, (await _census.Round(roundId).Get())!.State);
    }

    [Fact]
    public async Task Finalizing_a_closed_round_with_a_completed_run_makes_it_finalized()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(seeded.RoundId).Close(TestCensus.Admin)).Outcome);
        var run = await StartAndWait(seeded.RoundId);

        var result = await _census.Round(seeded.RoundId).Finalize(run.RunId, TestCensus.Admin);

        Assert.Equal(RoundOutcome.Ok, result.Outcome);
        Assert.Equal(RoundState.Finalized, result.Round!.State);
        Assert.Equal(RoundState.Finalized, (await _census.Round(seeded.RoundId).Get())!.State);
    }

    [Fact]
    public async Task A_finalized_round_keeps_the_runs_selection()
    {
        var seeded = await FourInstitutions(OnePerInstitution);
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(seeded.RoundId).Close(TestCensus.Admin)).Outcome);
        var run = await StartAndWait(seeded.RoundId);
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(seeded.RoundId).Finalize(run.RunId, TestCensus.Admin)).Outcome);

        var selection = await _census.Round(seeded.RoundId).Selection();

        Assert.NotNull(selection);
        Assert.Equal(3, selection.Count);
        Assert.Equal(run.Selection, selection);
    }

    [Fact]
    public async Task Finalizing_with_an_infeasible_run_is_refused()
    {
        var seeded = await FourInstitutions(OnePerInstitution with
        {
            SectorMin = new Dictionary<Sector, int> { [Sector.HealthMedical] = 1 },
        });
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(seeded.RoundId).Close(TestCensus.Admin)).Outcome);
        var run = await StartAndWait(seeded.RoundId);
        Assert.Equal(RunState.Infeasible, run.State);

        var result = await _census.Round(seeded.RoundId).Finalize(run.RunId, TestCensus.Admin);

        Assert.Equal(RoundOutcome.WrongState, result.Outcome);
        Assert.Null(await _census.Round(seeded.RoundId).Selection());
    }
}
