using Census.Contracts.Rankings;
using Census.Contracts.Rounds;

namespace Census.Grains.Tests.Rankings;

/// <summary>Ranking shards read their slice of the index, score it, sample it and return an exact candidate set.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RoundShardTests(ClusterFixture fixture)
{
    private const int ShardCount = 8; // CensusTestSilo's Rounds.ShardCount
    private readonly TestCensus _census = new(fixture.Client);

    private static SurveyRecord Variant(int i) => SurveyRecords.Valid() with
    {
        Volume = new SurveyVolume { Records = 10L * (i + 1) * (i + 1) * 1000 },
        LawfulToProvide = i % 5 != 0, // every fifth record fails gate G1
        Labeling = new SurveyLabeling { Status = (LabelingStatus)(i % 4), SpecDocumented = i % 2 == 0, QaReported = i % 3 == 0 },
    };

    private async Task<(string RoundId, string InstitutionId, List<SurveyResponse> Written)> RoundWithRecords(int count)
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var written = new List<SurveyResponse>();
        for (var i = 0; i < count; i++)
        {
            var result = await _census.Dataset(institutionId, $"shard-ds-{i:00}").Put(TestCensus.Write(roundId, Variant(i)));
            written.Add(result.Response!);
        }

        return (roundId, institutionId, written);
    }

    private async Task<ShardRanking[]> RankAll(string roundId, SelectionPolicy policy) =>
        await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(shard =>
            fixture.Client.GetGrain<IRoundShardGrain>($"{roundId}/{shard}")
                .Candidates(new ShardRankRequest(RubricWeights.Default, policy, Frozen: false), [])));

    [Fact]
    public async Task Two_runs_whose_questions_interleave_each_get_candidates_from_the_rows_they_sampled()
    {
        var (roundId, institutionId, _) = await RoundWithRecords(10);
        var policy = new SelectionPolicy { Quota = 100 };
        var shards = Enumerable.Range(0, ShardCount).Select(s => fixture.Client.GetGrain<IRoundShardGrain>($"{roundId}/{s}")).ToArray();
        var first = new ShardRankRequest(RubricWeights.Default, policy, Frozen: false, RunId: "run-1");
        var second = first with { RunId = "run-2" };
        await Task.WhenAll(shards.Select(s => s.Sample(first, perSector: 4)));
        for (var i = 10; i < 15; i++)
        {
            await _census.Dataset(institutionId, $"shard-ds-{i:00}").Put(TestCensus.Write(roundId, Variant(i)));
        }

        await Task.WhenAll(shards.Select(s => s.Sample(second, perSector: 4)));

        var firstAnswers = await Task.WhenAll(shards.Select(s => s.Candidates(first, [])));
        var secondAnswers = await Task.WhenAll(shards.Select(s => s.Candidates(second, [])));
        Assert.Equal(10, firstAnswers.Sum(a => a.Scored));
        Assert.Equal(15, secondAnswers.Sum(a => a.Scored));
    }

    [Fact]
    public async Task The_shards_together_score_every_record_of_the_round_once()
    {
        var (roundId, _, written) = await RoundWithRecords(20);

        var shards = await RankAll(roundId, new SelectionPolicy { Quota = 100 });

        Assert.Equal(20, shards.Sum(s => s.Scored));
        Assert.Equal(written.Count(r => r.Score.Eligible), shards.Sum(s => s.Eligible));
        Assert.Equal(16, shards.Sum(s => s.Eligible));
    }

    [Fact]
    public async Task A_shard_candidate_carries_the_same_scores_as_the_record_itself()
    {
        var (roundId, _, written) = await RoundWithRecords(12);

        var candidates = (await RankAll(roundId, new SelectionPolicy { Quota = 100 })).SelectMany(s => s.Candidates).ToList();

        Assert.Equal(written.Count(r => r.Score.Eligible), candidates.Count);
        foreach (var candidate in candidates)
        {
            var record = written.Single(r => r.DatasetId == candidate.DatasetId);
            Assert.Equal(record.Score.Post * 4, candidate.PostQuarterPoints);
            Assert.Equal(record.Score.Now * 4, candidate.NowQuarterPoints);
            Assert.Equal(record.Record.Modality, candidate.Modality);
            Assert.Equal(record.Record.Sector, candidate.Sector);
        }
    }

    [Fact]
    public async Task Ineligible_records_are_counted_but_never_candidates()
    {
        var (roundId, _, written) = await RoundWithRecords(10);

        var candidates = (await RankAll(roundId, new SelectionPolicy { Quota = 100 })).SelectMany(s => s.Candidates).Select(c => c.DatasetId).ToHashSet();

        foreach (var ineligible in written.Where(r => !r.Score.Eligible))
        {
            Assert.DoesNotContain(ineligible.DatasetId, candidates);
        }
    }

    [Fact]
    public async Task Each_shard_keeps_only_the_top_of_each_institution_and_sector_group_when_a_cap_applies()
    {
        var (roundId, institutionId, written) = await RoundWithRecords(20);

        var shards = await RankAll(roundId, new SelectionPolicy { Quota = 100, MaxPerInstitution = 1 });

        foreach (var shard in shards)
        {
            var mine = shard.Candidates.Where(c => c.InstitutionId == institutionId).ToList();
            Assert.True(mine.Count <= 1);
            if (mine.Count == 1)
            {
                var best = written.Where(r => r.Score.Eligible)
                    .Where(r => Census.Domain.Surveys.Sharding.ShardOf(institutionId, r.DatasetId, ShardCount) == shard.Shard)
                    .Max(r => r.Score.Post);
                Assert.Equal(best * 4, mine[0].PostQuarterPoints);
            }
        }
    }

    [Fact]
    public async Task Withdrawn_records_are_not_scored()
    {
        var (roundId, institutionId, _) = await RoundWithRecords(6);
        await _census.Dataset(institutionId, "shard-ds-01").Withdraw(roundId, TestCensus.Agency, null);

        var shards = await RankAll(roundId, new SelectionPolicy { Quota = 100 });

        Assert.Equal(5, shards.Sum(s => s.Scored));
        Assert.DoesNotContain(shards.SelectMany(s => s.Candidates), c => c.DatasetId == "shard-ds-01");
    }

    [Fact]
    public async Task A_sample_counts_the_slice_and_holds_at_most_the_asked_number_of_each_sectors_best()
    {
        var (roundId, _, written) = await RoundWithRecords(20);
        var request = new ShardRankRequest(RubricWeights.Default, new SelectionPolicy { Quota = 100 }, Frozen: false, RunId: "run-sample");

        var samples = await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(shard =>
            fixture.Client.GetGrain<IRoundShardGrain>($"{roundId}/{shard}").Sample(request, perSector: 1)));

        Assert.Equal(20, samples.Sum(s => s.Scored));
        Assert.Equal(written.Count(r => r.Score.Eligible), samples.Sum(s => s.Eligible));
        foreach (var shard in samples.Where(s => s.Eligible > 0))
        {
            // Every record here is in one sector, so one sample: the shard's best post score.
            var sample = Assert.Single(shard.Samples);
            var best = written.Where(r => r.Score.Eligible)
                .Where(r => Census.Domain.Surveys.Sharding.ShardOf(r.InstitutionId, r.DatasetId, ShardCount) == shard.Shard)
                .Max(r => r.Score.Post);
            Assert.Equal(best * 4, sample.PostQuarterPoints);
        }
    }

    [Fact]
    public async Task A_sample_of_an_open_round_fingerprints_its_groups_and_a_frozen_one_does_not()
    {
        var (roundId, _, _) = await RoundWithRecords(20);
        var policy = new SelectionPolicy { Quota = 100 };

        var open = await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(shard =>
            fixture.Client.GetGrain<IRoundShardGrain>($"{roundId}/{shard}")
                .Sample(new ShardRankRequest(RubricWeights.Default, policy, Frozen: false, RunId: "run-open"), perSector: 1)));
        var frozen = await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(shard =>
            fixture.Client.GetGrain<IRoundShardGrain>($"{roundId}/{shard}")
                .Sample(new ShardRankRequest(RubricWeights.Default, policy, Frozen: true, RunId: "run-frozen"), perSector: 1)));

        Assert.Equal(20, open.Sum(s => s.Groups!.Sum(g => g.Rows)));
        Assert.All(frozen, s => Assert.Null(s.Groups));
        Assert.Equal(20, frozen.Sum(s => s.Scored));
    }

    [Fact]
    public async Task With_a_threshold_a_shard_sends_only_the_records_scoring_at_or_above_it()
    {
        var (roundId, _, written) = await RoundWithRecords(20);
        var eligible = written.Where(r => r.Score.Eligible).OrderByDescending(r => r.Score.Post).ThenByDescending(r => r.Score.Now).ToList();
        var cut = eligible[eligible.Count / 2];
        var sector = cut.Record.Sector!.Value;
        var threshold = new ScoreThreshold(sector, (int)(cut.Score.Post * 4), (int)(cut.Score.Now * 4));
        var request = new ShardRankRequest(RubricWeights.Default, new SelectionPolicy { Quota = 100 }, Frozen: false);

        var sent = (await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(shard =>
                fixture.Client.GetGrain<IRoundShardGrain>($"{roundId}/{shard}").Candidates(request, [threshold]))))
            .SelectMany(s => s.Candidates).Select(c => c.DatasetId).Order(StringComparer.Ordinal).ToList();

        var expected = eligible
            .Where(r => r.Score.Post > cut.Score.Post || (r.Score.Post == cut.Score.Post && r.Score.Now >= cut.Score.Now))
            .Select(r => r.DatasetId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, sent);
        Assert.True(sent.Count < eligible.Count);
    }
}
