namespace Census.Grains.Tests.Surveys;

/// <summary>
/// A survey write whose save fails reaches the caller and changes nothing anywhere. A dataset's state is saved
/// with its index row in one commit, so the failure is injected there; other grains' saves fail in their storage.
/// </summary>
[Collection(FlakyStorageClusterCollection.Name)]
public sealed class StateWriteFailureTests(FlakyStorageClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    private void FailNextStateWriteOf(IDatasetGrain dataset) =>
        fixture.Index.FailNextUpserts(1, row => $"{row.InstitutionId}/{row.DatasetId}" == dataset.GetPrimaryKeyString());

    private async Task<(string RoundId, string InstitutionId, string DatasetId, IDatasetGrain Dataset)> ArrangeAsync()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        return (roundId, institutionId, datasetId, _census.Dataset(institutionId, datasetId));
    }

    [Fact]
    public async Task A_first_put_whose_save_fails_throws_and_leaves_no_record_row_or_assignment_entry()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        FailNextStateWriteOf(dataset);

        await Assert.ThrowsAnyAsync<Exception>(() => dataset.Put(TestCensus.Write(roundId)));

        Assert.Equal(SurveyReadOutcome.NotFound, (await dataset.Get(roundId)).Outcome);
        Assert.Null(fixture.Index.Find(roundId, institutionId, datasetId));
        Assert.Equal(new Assignment(roundId, institutionId, AssignmentStatus.Invited, 0, null),
            await _census.Assignment(roundId, institutionId).Get());
    }

    [Fact]
    public async Task An_update_whose_save_fails_leaves_the_previous_revision_everywhere()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        FailNextStateWriteOf(dataset);

        await Assert.ThrowsAnyAsync<Exception>(() => dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Title = "lost" }, bodyHash: "body-2")));

        var read = (await dataset.Get(roundId)).Response!;
        Assert.Equal(1, read.Revision);
        Assert.NotEqual("lost", read.Record.Title);
        Assert.Equal(1, fixture.Index.Find(roundId, institutionId, datasetId)!.Revision);
    }

    [Fact]
    public async Task A_put_retried_after_a_failed_save_is_the_next_revision()
    {
        var (roundId, _, _, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        var write = TestCensus.Write(roundId, idempotencyKey: "key-2", bodyHash: "body-2");
        FailNextStateWriteOf(dataset);
        await Assert.ThrowsAnyAsync<Exception>(() => dataset.Put(write));

        var retry = await dataset.Put(write);

        Assert.Equal(SurveyWriteOutcome.Updated, retry.Outcome);
        Assert.Equal(2, retry.Response!.Revision);
        await fixture.Cluster.DeactivateAsync(dataset);
        Assert.Equal(2, (await dataset.Get(roundId)).Response!.Revision);
    }

    [Fact]
    public async Task A_withdraw_whose_save_fails_leaves_the_record_in_place()
    {
        var (roundId, institutionId, datasetId, dataset) = await ArrangeAsync();
        await dataset.Put(TestCensus.Write(roundId));
        FailNextStateWriteOf(dataset);

        await Assert.ThrowsAnyAsync<Exception>(() => dataset.Withdraw(roundId, TestCensus.Agency, null));

        Assert.Equal(SurveyReadOutcome.Found, (await dataset.Get(roundId)).Outcome);
        Assert.False(fixture.Index.Find(roundId, institutionId, datasetId)!.Withdrawn);
        Assert.Equal(1, (await _census.Assignment(roundId, institutionId).Get())!.Datasets);
    }

    [Fact]
    public async Task A_round_whose_open_save_fails_stays_a_draft()
    {
        var roundId = await _census.DraftRound();
        var round = _census.Round(roundId);
        fixture.Storage.FailNextWrite(round.GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => round.Open(TestCensus.Admin));

        Assert.Equal(RoundState.Draft, (await round.Get())!.State);
    }
}
