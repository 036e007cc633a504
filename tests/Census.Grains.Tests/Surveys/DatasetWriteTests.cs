using Census.Domain.Rubric;

namespace Census.Grains.Tests.Surveys;

/// <summary>Putting, reading and withdrawing one dataset's survey record in an open round.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DatasetWriteTests(ClusterFixture fixture)
{
    private static readonly RubricWeights AllOnC10 = new()
    {
        C1 = 0, C2 = 0, C3 = 0, C4 = 0, C5 = 0, C6 = 0, C7 = 0, C8 = 0, C9 = 0, C10 = 100,
    };

    private readonly TestCensus _census = new(fixture.Client);

    private async Task<(string RoundId, string InstitutionId, string DatasetId, IDatasetGrain Dataset)> ArrangeAsync(
        Sector sector = Sector.PublicAdministration)
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution(sector);
        var datasetId = TestCensus.NewDatasetId();
        return (roundId, institutionId, datasetId, _census.Dataset(institutionId, datasetId));
    }

    [Fact]
    public async Task A_first_put_creates_revision_1()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        var record = SurveyRecords.Valid();
        var before = DateTimeOffset.UtcNow;

        var result = await dataset.Put(TestCensus.Write(roundId, record));

        Assert.Equal(SurveyWriteOutcome.Created, result.Outcome);
        var response = Assert.IsType<SurveyResponse>(result.Response);
        Assert.Equal((roundId, institutionId, datasetId, 1), (response.RoundId, response.InstitutionId, response.DatasetId, response.Revision));
        Assert.Equal(TestCensus.Agency, response.UpdatedBy);
        Assert.InRange(response.UpdatedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(record.Title, response.Record.Title);
    }

    [Fact]
    public async Task A_second_put_updates_to_revision_2()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));

        var result = await dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Title = "개정" }, bodyHash: "body-2"));

        Assert.Equal(SurveyWriteOutcome.Updated, result.Outcome);
        Assert.Equal(2, result.Response!.Revision);
        Assert.Equal("개정", (await dataset.Get(roundId)).Response!.Record.Title);
    }

    [Fact]
    public async Task The_index_holds_the_latest_revision()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        await dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Modality = Modality.Tabular }, bodyHash: "body-2"));

        var row = fixture.Index.Find(roundId, institutionId, datasetId);

        Assert.NotNull(row);
        Assert.Equal(2, row.Revision);
        Assert.False(row.Withdrawn);
        Assert.Equal("tabular", row.Modality);
        Assert.InRange(row.Shard, 0, CensusTestSilo.ShardCount - 1);
        Assert.Equal(2, await fixture.Index.RevisionAsync(roundId, institutionId, datasetId));
    }

    [Fact]
    public async Task A_put_is_scored_under_rubric_version_1()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();

        var result = await dataset.Put(TestCensus.Write(roundId));

        var score = result.Response!.Score;
        Assert.Equal(1, score.RubricVersion);
        Assert.Equal(10, score.Breakdown.Count);
        Assert.Equal(RubricWeights.Default.ToArray(), score.Breakdown.Select(c => c.Weight));
        Assert.True(score.Now > 0);
    }

    [Fact]
    public async Task After_new_weights_a_read_is_scored_under_the_new_version()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        var first = (await dataset.Put(TestCensus.Write(roundId))).Response!;
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(roundId).SetWeights(AllOnC10, TestCensus.Admin)).Outcome);

        var read = (await dataset.Get(roundId)).Response!;

        var deadline = DateOnly.FromDateTime((await _census.Round(roundId).Get())!.Deadline.UtcDateTime);
        var expected = AtusRubric.Score(first.Record, deadline, AllOnC10, 2);
        Assert.Equal(2, read.Score.RubricVersion);
        Assert.Equal(AllOnC10.ToArray(), read.Score.Breakdown.Select(c => c.Weight));
        Assert.Equal((expected.Now, expected.Post), (read.Score.Now, read.Score.Post));
        Assert.NotEqual((first.Score.Now, first.Score.Post), (read.Score.Now, read.Score.Post));
        Assert.Equal(1, read.Revision);
    }

    [Fact]
    public async Task A_put_with_a_stale_if_match_is_precondition_failed_and_changes_nothing()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        await dataset.Put(TestCensus.Write(roundId, bodyHash: "body-2"));

        var result = await dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Title = "stale" }, ifMatch: 1, bodyHash: "body-3"));

        Assert.Equal(SurveyWriteOutcome.PreconditionFailed, result.Outcome);
        var read = (await dataset.Get(roundId)).Response!;
        Assert.Equal(2, read.Revision);
        Assert.NotEqual("stale", read.Record.Title);
        Assert.Equal(2, fixture.Index.Find(roundId, institutionId, datasetId)!.Revision);
    }

    [Fact]
    public async Task A_put_with_the_current_if_match_succeeds()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));

        var result = await dataset.Put(TestCensus.Write(roundId, ifMatch: 1, bodyHash: "body-2"));

        Assert.Equal(SurveyWriteOutcome.Updated, result.Outcome);
        Assert.Equal(2, result.Response!.Revision);
    }

    [Fact]
    public async Task A_first_put_with_an_if_match_is_precondition_failed()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();

        var result = await dataset.Put(TestCensus.Write(roundId, ifMatch: 1));

        Assert.Equal(SurveyWriteOutcome.PreconditionFailed, result.Outcome);
        Assert.Equal(SurveyReadOutcome.NotFound, (await dataset.Get(roundId)).Outcome);
    }

    [Fact]
    public async Task An_idempotent_repeat_returns_the_first_outcome_and_response_and_keeps_the_revision()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        var write = TestCensus.Write(roundId, idempotencyKey: "key-1", bodyHash: "hash-a");
        var first = await dataset.Put(write);

        var repeat = await dataset.Put(write);

        Assert.Equal(SurveyWriteOutcome.Created, repeat.Outcome);
        Assert.Equal(first.Response!.Revision, repeat.Response!.Revision);
        Assert.Equal(first.Response.UpdatedAt, repeat.Response.UpdatedAt);
        Assert.Equal(first.Response.Score.Now, repeat.Response.Score.Now);
        Assert.Equal(1, (await dataset.Get(roundId)).Response!.Revision);
        Assert.Equal(1, fixture.Index.Find(roundId, institutionId, datasetId)!.Revision);
    }

    [Fact]
    public async Task An_idempotent_repeat_after_later_writes_returns_the_first_response()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        var write = TestCensus.Write(roundId, idempotencyKey: "key-1", bodyHash: "hash-a");
        await dataset.Put(write);
        await dataset.Put(TestCensus.Write(roundId, bodyHash: "hash-b"));

        var repeat = await dataset.Put(write);

        Assert.Equal(SurveyWriteOutcome.Created, repeat.Outcome);
        Assert.Equal(1, repeat.Response!.Revision);
        Assert.Equal(2, (await dataset.Get(roundId)).Response!.Revision);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_with_another_body_is_refused_and_changes_nothing()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId, idempotencyKey: "key-1", bodyHash: "hash-a"));

        var result = await dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Title = "other" }, idempotencyKey: "key-1", bodyHash: "hash-b"));

        Assert.Equal(SurveyWriteOutcome.IdempotencyKeyReused, result.Outcome);
        Assert.Null(result.Response);
        var read = (await dataset.Get(roundId)).Response!;
        Assert.Equal(1, read.Revision);
        Assert.NotEqual("other", read.Record.Title);
    }

    [Fact]
    public async Task A_write_to_a_draft_round_is_round_not_open()
    {
        var institutionId = await _census.RegisteredInstitution();
        var roundId = await _census.DraftRound(d => d with { Institutions = [institutionId] });
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());

        var result = await dataset.Put(TestCensus.Write(roundId));

        Assert.Equal(SurveyWriteOutcome.RoundNotOpen, result.Outcome);
        Assert.Equal(SurveyReadOutcome.NotFound, (await dataset.Get(roundId)).Outcome);
    }

    [Fact]
    public async Task A_write_to_a_closed_round_is_round_not_open_and_changes_nothing()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        await _census.Round(roundId).Close(TestCensus.Admin);

        var result = await dataset.Put(TestCensus.Write(roundId, bodyHash: "body-2"));

        Assert.Equal(SurveyWriteOutcome.RoundNotOpen, result.Outcome);
        Assert.Equal(1, (await dataset.Get(roundId)).Response!.Revision);
        Assert.Equal(1, fixture.Index.Find(roundId, institutionId, datasetId)!.Revision);
    }

    [Fact]
    public async Task A_withdraw_from_a_closed_round_is_round_not_open()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        await _census.Round(roundId).Close(TestCensus.Admin);

        var result = await dataset.Withdraw(roundId, TestCensus.Agency, null);

        Assert.Equal(SurveyWriteOutcome.RoundNotOpen, result.Outcome);
        Assert.Equal(SurveyReadOutcome.Found, (await dataset.Get(roundId)).Outcome);
    }

    [Fact]
    public async Task Withdrawing_a_record_hides_it()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));

        var result = await dataset.Withdraw(roundId, TestCensus.Agency, null);

        Assert.Equal(SurveyWriteOutcome.Withdrawn, result.Outcome);
        Assert.Equal(SurveyReadOutcome.NotFound, (await dataset.Get(roundId)).Outcome);
    }

    [Fact]
    public async Task Withdrawing_a_record_marks_its_index_row_withdrawn()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        Assert.Equal(1, await fixture.Index.CountAsync(roundId));

        await dataset.Withdraw(roundId, TestCensus.Agency, null);

        var row = fixture.Index.Find(roundId, institutionId, datasetId)!;
        Assert.True(row.Withdrawn);
        Assert.Equal(2, row.Revision);
        Assert.Equal(0, await fixture.Index.CountAsync(roundId));
    }

    [Fact]
    public async Task Withdrawing_a_record_drops_it_from_the_assignment()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        await _census.Dataset(institutionId, TestCensus.NewDatasetId()).Put(TestCensus.Write(roundId));
        Assert.Equal(2, (await _census.Assignment(roundId, institutionId).Get())!.Datasets);

        await dataset.Withdraw(roundId, TestCensus.Agency, null);

        var assignment = _census.Assignment(roundId, institutionId);
        Assert.Equal(1, (await assignment.Get())!.Datasets);
        Assert.DoesNotContain(datasetId, (await assignment.ListRecords(1, 50)).Items.Select(r => r.DatasetId));
    }

    [Fact]
    public async Task Withdrawing_an_unknown_record_is_not_found()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();

        var result = await dataset.Withdraw(roundId, TestCensus.Agency, null);

        Assert.Equal(SurveyWriteOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Withdrawing_a_record_twice_is_not_found()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        await dataset.Withdraw(roundId, TestCensus.Agency, null);

        var result = await dataset.Withdraw(roundId, TestCensus.Agency, null);

        Assert.Equal(SurveyWriteOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Withdrawing_with_a_stale_if_match_is_precondition_failed_and_keeps_the_record()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        await dataset.Put(TestCensus.Write(roundId, bodyHash: "body-2"));

        var result = await dataset.Withdraw(roundId, TestCensus.Agency, [1]);

        Assert.Equal(SurveyWriteOutcome.PreconditionFailed, result.Outcome);
        Assert.Equal(SurveyReadOutcome.Found, (await dataset.Get(roundId)).Outcome);
    }

    [Fact]
    public async Task A_put_after_a_withdraw_creates_the_record_again_with_a_higher_revision()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        await dataset.Withdraw(roundId, TestCensus.Agency, null);

        var result = await dataset.Put(TestCensus.Write(roundId, bodyHash: "body-2"));

        Assert.Equal(SurveyWriteOutcome.Created, result.Outcome);
        Assert.Equal(3, result.Response!.Revision);
        Assert.False(fixture.Index.Find(roundId, institutionId, datasetId)!.Withdrawn);
    }

    [Fact]
    public async Task A_record_without_a_sector_takes_the_institutions_sector()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync(Sector.HealthMedical);

        var result = await dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Sector = null }));

        Assert.Equal(Sector.HealthMedical, result.Response!.Record.Sector);
        Assert.Equal(Sector.HealthMedical, (await dataset.Get(roundId)).Response!.Record.Sector);
        Assert.Equal("health-medical", fixture.Index.Find(roundId, institutionId, datasetId)!.Sector);
    }

    [Fact]
    public async Task A_record_with_a_sector_keeps_it()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync(Sector.HealthMedical);

        var result = await dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Sector = Sector.Finance }));

        Assert.Equal(Sector.Finance, result.Response!.Record.Sector);
    }

    [Fact]
    public async Task Reading_a_record_of_an_unknown_round_is_round_not_found()
    {
        var institutionId = await _census.RegisteredInstitution();

        var read = await _census.Dataset(institutionId, TestCensus.NewDatasetId()).Get(UniqueIds.Next("round"));

        Assert.Equal(SurveyReadOutcome.RoundNotFound, read.Outcome);
    }

    [Fact]
    public async Task A_record_survives_reactivation()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        var written = (await dataset.Put(TestCensus.Write(roundId))).Response!;
        await fixture.Cluster.DeactivateAsync(dataset);

        var read = (await dataset.Get(roundId)).Response!;

        Assert.Equal((written.Revision, written.UpdatedAt, written.Record.Title), (read.Revision, read.UpdatedAt, read.Record.Title));
    }
}
