namespace Census.Grains.Tests.Surveys;

/// <summary>Many writers on one record: every write gets its own revision, and If-Match loses no update.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrentWriteTests(ClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    [Fact]
    public async Task Twenty_concurrent_puts_without_if_match_all_succeed_with_revisions_1_to_20()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Title = $"writer {i}" }, bodyHash: $"body-{i}"))));

        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { SurveyWriteOutcome.Created, SurveyWriteOutcome.Updated }));
        Assert.Single(results, r => r.Outcome == SurveyWriteOutcome.Created);
        Assert.Equal(Enumerable.Range(1, 20), results.Select(r => r.Response!.Revision).Order());
        Assert.Equal(20, (await dataset.Get(roundId)).Response!.Revision);
        Assert.Equal(20, fixture.Index.Find(roundId, institutionId, datasetId)!.Revision);
    }

    [Fact]
    public async Task Of_ten_concurrent_puts_with_the_same_if_match_exactly_one_succeeds()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        await dataset.Put(TestCensus.Write(roundId));

        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Title = $"writer {i}" }, ifMatch: 1, bodyHash: $"body-{i}"))));

        var winner = Assert.Single(results, r => r.Outcome == SurveyWriteOutcome.Updated);
        Assert.Equal(9, results.Count(r => r.Outcome == SurveyWriteOutcome.PreconditionFailed));
        var read = (await dataset.Get(roundId)).Response!;
        Assert.Equal(2, read.Revision);
        Assert.Equal(winner.Response!.Record.Title, read.Record.Title);
    }

    [Fact]
    public async Task Concurrent_puts_to_different_datasets_of_one_institution_are_all_counted()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();

        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(_ =>
            _census.Dataset(institutionId, TestCensus.NewDatasetId()).Put(TestCensus.Write(roundId))));

        Assert.All(results, r => Assert.Equal(SurveyWriteOutcome.Created, r.Outcome));
        Assert.Equal(10, (await _census.Assignment(roundId, institutionId).Get())!.Datasets);
        Assert.Equal(10, (await _census.Round(roundId).Get())!.Progress.Datasets);
    }
}
