namespace Census.Grains.Tests.Rounds;

/// <summary>
/// A write and a submission of the same institution at the same time: whichever order they land in, a
/// record stored after the submission makes the institution responding again (api.md).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SubmissionRaceTests(ClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    [Fact]
    public async Task A_write_that_commits_after_a_submission_makes_the_assignment_responding_again()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        await _census.Dataset(institutionId, TestCensus.NewDatasetId()).Put(TestCensus.Write(roundId));
        var datasetId = TestCensus.NewDatasetId();
        var hold = fixture.Index.HoldNextUpsert(row => row.RoundId == roundId && row.DatasetId == datasetId);

        // The write reads the assignment (responding), stores its state, and waits at its index row …
        var write = _census.Dataset(institutionId, datasetId).Put(TestCensus.Write(roundId));
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(10));
        // … while the institution submits; then the write completes.
        var submitted = await _census.Assignment(roundId, institutionId).Submit(TestCensus.Agency);
        hold.Release();
        var written = await write;

        Assert.Equal(AssignmentSubmitOutcome.Submitted, submitted.Outcome);
        Assert.Equal(SurveyWriteOutcome.Created, written.Outcome);
        Assert.Equal(AssignmentStatus.Responding, (await _census.Assignment(roundId, institutionId).Get())!.Status);
    }
}
