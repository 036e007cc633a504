namespace Census.Grains.Tests.Imports;

/// <summary><see cref="SurveyWrite.KeepUnchanged"/>: an import's write of the current record makes no revision; a PUT's still does.</summary>
[Collection(ImportClusterCollection.Name)]
public sealed class KeepUnchangedWriteTests(ImportClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    [Fact]
    public async Task A_write_that_keeps_unchanged_records_answers_unchanged_with_the_current_revision()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        await dataset.Put(TestCensus.Write(roundId));

        var result = await dataset.Put(TestCensus.Write(roundId, bodyHash: "body-2") with { KeepUnchanged = true });

        Assert.Equal(SurveyWriteOutcome.Unchanged, result.Outcome);
        Assert.Equal(1, result.Response!.Revision);
        Assert.Equal(1, (await dataset.Get(roundId)).Response!.Revision);
    }

    [Fact]
    public async Task A_record_without_a_sector_equals_the_stored_one_with_the_institutions_sector()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution(Sector.Law);
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        var withoutSector = SurveyRecords.Valid() with { Sector = null };
        await dataset.Put(TestCensus.Write(roundId, withoutSector));

        var result = await dataset.Put(TestCensus.Write(roundId, withoutSector, bodyHash: "body-2") with { KeepUnchanged = true });

        Assert.Equal(SurveyWriteOutcome.Unchanged, result.Outcome);
    }

    [Fact]
    public async Task A_put_of_the_current_record_still_makes_a_revision()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        await dataset.Put(TestCensus.Write(roundId));

        var result = await dataset.Put(TestCensus.Write(roundId, bodyHash: "body-2"));

        Assert.Equal((SurveyWriteOutcome.Updated, 2), (result.Outcome, result.Response!.Revision));
    }

    [Fact]
    public async Task A_write_that_keeps_unchanged_records_recreates_a_withdrawn_record()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        await dataset.Put(TestCensus.Write(roundId));
        await dataset.Withdraw(roundId, TestCensus.Agency, null);

        var result = await dataset.Put(TestCensus.Write(roundId, bodyHash: "body-2") with { KeepUnchanged = true });

        Assert.Equal((SurveyWriteOutcome.Created, 3), (result.Outcome, result.Response!.Revision));
    }
}
