namespace Census.Grains.Tests.Surveys;

/// <summary>
/// The grain state is written before the index row; when the process fails between the two, the write is
/// not acknowledged, and the index catches up on the client's retry or through the index sweeper, which
/// finds the write's intent and asks the grain to repair (a grain that merely wakes writes nothing).
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
    public async Task The_sweeper_repairs_an_index_row_left_behind_by_a_grain_that_is_gone_without_a_retry()
    {
        var a = await WithRevision1Async();
        FailNextUpsertOf(a);
        await Assert.ThrowsAnyAsync<Exception>(() => a.Dataset.Put(TestCensus.Write(a.RoundId, bodyHash: "body-2")));
        Assert.Equal(1, IndexedRevision(a));
        Assert.Equal(2, fixture.Index.IntentRevision(a.RoundId, a.InstitutionId, a.DatasetId));
        await fixture.Cluster.DeactivateAsync(a.Dataset);

        await Eventually.Until(() => Task.FromResult(IndexedRevision(a)), revision => revision == 2);

        Assert.Null(fixture.Index.IntentRevision(a.RoundId, a.InstitutionId, a.DatasetId));
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

        Assert.Equal(3, next.Response!.Revision);
        Assert.Equal(3, IndexedRevision(a));
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

    [Fact]
    public async Task A_first_put_repaired_by_the_sweeper_is_counted_by_the_assignment()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        fixture.Index.FailNextUpserts(1, roundId, institutionId, datasetId);
        await Assert.ThrowsAnyAsync<Exception>(() => dataset.Put(TestCensus.Write(roundId)));
        await fixture.Cluster.DeactivateAsync(dataset);

        await Eventually.Until(() => Task.FromResult(fixture.Index.Find(roundId, institutionId, datasetId)?.Revision), revision => revision == 1);

        Assert.Equal(1, (await _census.Assignment(roundId, institutionId).Get())!.Datasets);
    }

    [Fact]
    public async Task A_first_put_repaired_by_the_sweeper_makes_the_assignment_responding()
    {
        // The record is stored, readable and indexed: the institution has responded, whoever wrote last.
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        fixture.Index.FailNextUpserts(1, roundId, institutionId, datasetId);
        await Assert.ThrowsAnyAsync<Exception>(() => dataset.Put(TestCensus.Write(roundId)));
        await fixture.Cluster.DeactivateAsync(dataset);

        await Eventually.Until(
            async () => (await _census.Assignment(roundId, institutionId).Get())!.Status,
            status => status == AssignmentStatus.Responding);
    }
}
