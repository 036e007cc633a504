namespace Census.Grains.Tests.Surveys;

/// <summary>
/// A dataset's state and its index row are committed together: a failed commit leaves neither, a commit whose
/// reply was lost leaves both, and either way the client's retry finds one consistent answer. Rows from before
/// (V004 rows without documents) are still completed by the index sweeper; a grain that merely wakes writes nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IndexConsistencyTests(ClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    private sealed record Arranged(string RoundId, string InstitutionId, string DatasetId, IDatasetGrain Dataset);

    /// <summary>An open round with revision 1 of a record stored and indexed.</summary>
    private async Task<Arranged> WithRevision1Async()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        Assert.Equal(SurveyWriteOutcome.Created, (await dataset.Put(TestCensus.Write(roundId))).Outcome);
        return new Arranged(roundId, institutionId, datasetId, dataset);
    }

    private void FailNextUpsertOf(Arranged a) => fixture.Index.FailNextUpserts(1, a.RoundId, a.InstitutionId, a.DatasetId);

    private int? IndexedRevision(Arranged a) => fixture.Index.Find(a.RoundId, a.InstitutionId, a.DatasetId)?.Revision;

    [Fact]
    public async Task A_put_whose_index_upsert_fails_throws()
    {
        var a = await WithRevision1Async();
        FailNextUpsertOf(a);

        await Assert.ThrowsAnyAsync<Exception>(() => a.Dataset.Put(TestCensus.Write(a.RoundId, idempotencyKey: "key-2", bodyHash: "body-2")));
    }

    [Fact]
    public async Task A_put_whose_index_upsert_fails_leaves_the_index_at_the_old_revision()
    {
        var a = await WithRevision1Async();
        FailNextUpsertOf(a);

        await Assert.ThrowsAnyAsync<Exception>(() => a.Dataset.Put(TestCensus.Write(a.RoundId, idempotencyKey: "key-2", bodyHash: "body-2")));

        Assert.Equal(1, IndexedRevision(a));
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_response_and_brings_the_index_up_to_date()
    {
        var a = await WithRevision1Async();
        var write = TestCensus.Write(a.RoundId, SurveyRecords.Valid() with { Title = "revision 2" }, idempotencyKey: "key-2", bodyHash: "body-2");
        FailNextUpsertOf(a);
        await Assert.ThrowsAnyAsync<Exception>(() => a.Dataset.Put(write));

        var retry = await a.Dataset.Put(write);

        Assert.Equal(SurveyWriteOutcome.Updated, retry.Outcome);
        Assert.Equal(2, retry.Response!.Revision);
        Assert.Equal("revision 2", retry.Response.Record.Title);
        Assert.Equal(2, IndexedRevision(a));
        Assert.Equal(2, (await a.Dataset.Get(a.RoundId)).Response!.Revision);
    }

    [Fact]
    public async Task A_put_whose_commit_fails_leaves_neither_state_nor_row_behind()
    {
        var a = await WithRevision1Async();
        FailNextUpsertOf(a);
        await Assert.ThrowsAnyAsync<Exception>(() => a.Dataset.Put(TestCensus.Write(a.RoundId, SurveyRecords.Valid() with { Title = "lost" }, bodyHash: "body-2")));
        await fixture.Cluster.DeactivateAsync(a.Dataset);

        var read = (await a.Dataset.Get(a.RoundId)).Response!;

        Assert.Equal(1, read.Revision);
        Assert.NotEqual("lost", read.Record.Title);
        Assert.Equal(1, IndexedRevision(a));
    }

    [Fact]
    public async Task A_retry_of_a_commit_whose_reply_was_lost_is_answered_from_the_stored_state()
    {
        var a = await WithRevision1Async();
        var write = TestCensus.Write(a.RoundId, SurveyRecords.Valid() with { Title = "revision 2" }, idempotencyKey: "key-2", bodyHash: "body-2");
        fixture.Index.LoseNextCommitReplies(1, a.RoundId, a.InstitutionId, a.DatasetId);
        await Assert.ThrowsAnyAsync<Exception>(() => a.Dataset.Put(write));

        var retry = await a.Dataset.Put(write);

        Assert.Equal(SurveyWriteOutcome.Updated, retry.Outcome);
        Assert.Equal(2, retry.Response!.Revision);
        Assert.Equal("revision 2", retry.Response.Record.Title);
        Assert.Equal(2, IndexedRevision(a));
    }

    [Fact]
    public async Task The_next_write_after_a_commit_whose_reply_was_lost_is_the_revision_after_it()
    {
        var a = await WithRevision1Async();
        fixture.Index.LoseNextCommitReplies(1, a.RoundId, a.InstitutionId, a.DatasetId);
        await Assert.ThrowsAnyAsync<Exception>(() => a.Dataset.Put(TestCensus.Write(a.RoundId, bodyHash: "body-2")));

        var next = await a.Dataset.Put(TestCensus.Write(a.RoundId, bodyHash: "body-3"));

        Assert.Equal(3, next.Response!.Revision);
        Assert.Equal(3, IndexedRevision(a));
    }

    [Fact]
    public async Task A_write_that_meets_a_state_stored_by_another_activation_adopts_it_and_decides_again()
    {
        var a = await WithRevision1Async();
        fixture.Index.BumpStateVersion($"{a.InstitutionId}/{a.DatasetId}");

        var next = await a.Dataset.Put(TestCensus.Write(a.RoundId, bodyHash: "body-2"));

        Assert.Equal(SurveyWriteOutcome.Updated, next.Outcome);
        Assert.Equal(2, next.Response!.Revision);
        Assert.Equal(3, (await fixture.Index.ReadDatasetStateAsync($"{a.InstitutionId}/{a.DatasetId}"))!.Version);
    }

    [Fact]
    public async Task A_first_write_after_reactivation_learns_the_stored_record_from_its_commit_without_reading_first()
    {
        var a = await WithRevision1Async();
        await fixture.Cluster.DeactivateAsync(a.Dataset);
        var reads = fixture.Index.StateReads;

        var next = await a.Dataset.Put(TestCensus.Write(a.RoundId, bodyHash: "body-2"));

        Assert.Equal(SurveyWriteOutcome.Updated, next.Outcome);
        Assert.Equal(2, next.Response!.Revision);
        Assert.Equal(reads, fixture.Index.StateReads);
    }

    [Fact]
    public async Task A_conditional_write_after_reactivation_is_decided_on_the_stored_revision()
    {
        var a = await WithRevision1Async();
        await fixture.Cluster.DeactivateAsync(a.Dataset);

        var next = await a.Dataset.Put(TestCensus.Write(a.RoundId, bodyHash: "body-2") with { IfMatch = [1] });

        Assert.Equal(SurveyWriteOutcome.Updated, next.Outcome);
        Assert.Equal(2, next.Response!.Revision);
    }

    [Fact]
    public async Task A_withdraw_after_reactivation_finds_the_stored_record()
    {
        var a = await WithRevision1Async();
        await fixture.Cluster.DeactivateAsync(a.Dataset);

        var withdrawn = await a.Dataset.Withdraw(a.RoundId, TestCensus.Agency, null);

        Assert.Equal(SurveyWriteOutcome.Withdrawn, withdrawn.Outcome);
        Assert.True(fixture.Index.Find(a.RoundId, a.InstitutionId, a.DatasetId)!.Withdrawn);
    }

    [Fact]
    public async Task A_retry_after_reactivation_of_a_write_stored_before_the_round_closed_is_answered_from_its_memo()
    {
        var a = await WithRevision1Async();
        var write = TestCensus.Write(a.RoundId, idempotencyKey: "key-2", bodyHash: "body-2");
        Assert.Equal(SurveyWriteOutcome.Updated, (await a.Dataset.Put(write)).Outcome);
        await fixture.Index.CloseRoundAsync(a.RoundId);
        await fixture.Cluster.DeactivateAsync(a.Dataset);

        var retry = await a.Dataset.Put(write);

        Assert.Equal(SurveyWriteOutcome.Updated, retry.Outcome);
        Assert.Equal(2, retry.Response!.Revision);
    }

    [Fact]
    public async Task A_new_datasets_first_write_reads_no_state()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        var reads = fixture.Index.StateReads;

        Assert.Equal(SurveyWriteOutcome.Created, (await dataset.Put(TestCensus.Write(roundId))).Outcome);

        Assert.Equal(reads, fixture.Index.StateReads);
    }

    [Fact]
    public async Task The_sweeper_fills_in_the_document_of_a_row_indexed_before_documents_existed()
    {
        var a = await WithRevision1Async();
        fixture.Index.StripDocument(a.RoundId, a.InstitutionId, a.DatasetId);
        await fixture.Index.RecordIntentAsync(a.RoundId, a.InstitutionId, a.DatasetId, 1, DateTimeOffset.UnixEpoch);
        await fixture.Cluster.DeactivateAsync(a.Dataset);

        await Eventually.Until(
            () => Task.FromResult(fixture.Index.Find(a.RoundId, a.InstitutionId, a.DatasetId)?.Record),
            record => record is not null);

        Assert.Null(fixture.Index.IntentRevision(a.RoundId, a.InstitutionId, a.DatasetId));
        Assert.Equal(1, IndexedRevision(a));
    }

    [Fact]
    public async Task A_committed_write_leaves_no_intent()
    {
        var a = await WithRevision1Async();

        Assert.Null(fixture.Index.IntentRevision(a.RoundId, a.InstitutionId, a.DatasetId));
    }

    [Fact]
    public async Task Waking_a_dataset_grain_writes_nothing_to_the_index()
    {
        var a = await WithRevision1Async();
        await fixture.Cluster.DeactivateAsync(a.Dataset);
        var before = fixture.Index.UpsertsOf(a.RoundId, a.InstitutionId, a.DatasetId);

        Assert.Equal(1, (await a.Dataset.Get(a.RoundId)).Response!.Revision);

        Assert.Equal(before, fixture.Index.UpsertsOf(a.RoundId, a.InstitutionId, a.DatasetId));
    }

    [Fact]
    public async Task The_next_write_after_a_failed_index_upsert_indexes_its_own_revision()
    {
        var a = await WithRevision1Async();
        FailNextUpsertOf(a);
        await Assert.ThrowsAnyAsync<Exception>(() => a.Dataset.Put(TestCensus.Write(a.RoundId, bodyHash: "body-2")));

        var next = await a.Dataset.Put(TestCensus.Write(a.RoundId, bodyHash: "body-3"));

        // The failed commit stored nothing: the next write makes revision 2.
        Assert.Equal(2, next.Response!.Revision);
        Assert.Equal(2, IndexedRevision(a));
    }

    [Fact]
    public async Task A_first_put_retried_after_a_failed_index_upsert_makes_the_assignment_responding()
    {
        // The retry is answered from the idempotency record; the assignment must still hear that the
        // institution responded, or it stays "invited" with a record stored, indexed and acknowledged.
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        var write = TestCensus.Write(roundId, idempotencyKey: "key-1", bodyHash: "body-1");
        fixture.Index.FailNextUpserts(1, roundId, institutionId, datasetId);
        await Assert.ThrowsAnyAsync<Exception>(() => dataset.Put(write));

        var retry = await dataset.Put(write);

        Assert.Equal(SurveyWriteOutcome.Created, retry.Outcome);
        Assert.Equal(AssignmentStatus.Responding, (await _census.Assignment(roundId, institutionId).Get())!.Status);
        Assert.Equal(1, (await _census.Round(roundId).Get())!.Progress.Responding);
    }

    [Fact]
    public async Task A_first_put_retried_after_a_failed_index_upsert_is_counted_by_the_assignment()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        var write = TestCensus.Write(roundId, idempotencyKey: "key-1", bodyHash: "body-1");
        fixture.Index.FailNextUpserts(1, roundId, institutionId, datasetId);
        await Assert.ThrowsAnyAsync<Exception>(() => dataset.Put(write));

        await dataset.Put(write);

        Assert.Equal(1, (await _census.Assignment(roundId, institutionId).Get())!.Datasets);
        Assert.Equal(1, (await _census.Round(roundId).Get())!.Progress.Datasets);
    }
}
