namespace Census.Grains.Tests.Surveys;

/// <summary>
/// issue 9, defect 10: once the survey index has closed a round, no write of that round lands, even one
/// whose assignment still caches an open round (a close push it missed): the write is 409 and the
/// record stays as it was, in the grain and in the index.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RoundCloseGateTests(ClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    [Fact]
    public async Task An_update_after_the_index_closed_the_round_is_round_not_open_and_get_shows_the_old_revision()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        await dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Title = "before the close" }));
        Assert.Equal(RoundState.Open, (await _census.Assignment(roundId, institutionId).GetWriteContext())!.State);
        await fixture.Index.CloseRoundAsync(roundId);

        var result = await dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Title = "after the close" }, bodyHash: "body-2"));

        Assert.Equal(SurveyWriteOutcome.RoundNotOpen, result.Outcome);
        var read = (await dataset.Get(roundId)).Response!;
        Assert.Equal((1, "before the close"), (read.Revision, read.Record.Title));
        Assert.Equal(1, fixture.Index.Find(roundId, institutionId, datasetId)!.Revision);
        Assert.Null(fixture.Index.IntentRevision(roundId, institutionId, datasetId));
    }

    [Fact]
    public async Task The_old_revision_survives_a_reactivation_after_a_refused_update()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        await dataset.Put(TestCensus.Write(roundId));
        await fixture.Index.CloseRoundAsync(roundId);
        await dataset.Put(TestCensus.Write(roundId, bodyHash: "body-2"));

        await fixture.Cluster.DeactivateAsync(dataset);

        Assert.Equal(1, (await dataset.Get(roundId)).Response!.Revision);
    }

    [Fact]
    public async Task A_first_put_after_the_index_closed_the_round_leaves_no_record()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        await fixture.Index.CloseRoundAsync(roundId);

        var result = await dataset.Put(TestCensus.Write(roundId));

        Assert.Equal(SurveyWriteOutcome.RoundNotOpen, result.Outcome);
        Assert.Equal(SurveyReadOutcome.NotFound, (await dataset.Get(roundId)).Outcome);
        Assert.Null(fixture.Index.Find(roundId, institutionId, datasetId));
    }

    [Fact]
    public async Task A_withdraw_after_the_index_closed_the_round_is_round_not_open_and_keeps_the_record()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        await dataset.Put(TestCensus.Write(roundId));
        await fixture.Index.CloseRoundAsync(roundId);

        var result = await dataset.Withdraw(roundId, TestCensus.Agency, null);

        Assert.Equal(SurveyWriteOutcome.RoundNotOpen, result.Outcome);
        Assert.Equal(SurveyReadOutcome.Found, (await dataset.Get(roundId)).Outcome);
        Assert.False(fixture.Index.Find(roundId, institutionId, datasetId)!.Withdrawn);
    }

    [Fact]
    public async Task Closing_a_round_in_the_index_leaves_other_rounds_open()
    {
        var (closedRound, institutionId) = await _census.OpenRoundWithInstitution();
        var (openRound, otherInstitution) = await _census.OpenRoundWithInstitution();
        await fixture.Index.CloseRoundAsync(closedRound);

        var result = await _census.Dataset(otherInstitution, TestCensus.NewDatasetId()).Put(TestCensus.Write(openRound));

        Assert.Equal(SurveyWriteOutcome.Created, result.Outcome);
        Assert.NotEqual(closedRound, openRound);
        Assert.NotEqual(institutionId, otherInstitution);
    }
}
