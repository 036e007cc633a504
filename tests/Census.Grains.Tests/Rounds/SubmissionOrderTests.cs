namespace Census.Grains.Tests.Rounds;

/// <summary>
/// issue 9, defect 11: whether a write reopens a submitted response is decided by the submission count
/// the write saw, never by comparing clocks of different silos.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SubmissionOrderTests(ClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    private async Task<(string RoundId, string InstitutionId, IAssignmentGrain Assignment)> SubmittedAsync()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        await _census.Dataset(institutionId, TestCensus.NewDatasetId()).Put(TestCensus.Write(roundId));
        var assignment = _census.Assignment(roundId, institutionId);
        Assert.Equal(AssignmentSubmitOutcome.Submitted, (await assignment.Submit(TestCensus.Agency)).Outcome);
        return (roundId, institutionId, assignment);
    }

    [Fact]
    public async Task A_late_notice_of_a_write_made_before_the_submission_does_not_reopen_it()
    {
        var (_, _, assignment) = await SubmittedAsync();

        // The write that preceded the submission saw no submission; its notice arrives only now.
        await assignment.DatasetWritten(submissionsSeen: 0, replayed: true);

        Assert.Equal(AssignmentStatus.Submitted, (await assignment.Get())!.Status);
    }

    [Fact]
    public async Task A_write_after_the_submission_reopens_it()
    {
        var (roundId, institutionId, assignment) = await SubmittedAsync();

        await _census.Dataset(institutionId, TestCensus.NewDatasetId()).Put(TestCensus.Write(roundId));

        Assert.Equal(AssignmentStatus.Responding, (await assignment.Get())!.Status);
    }

    [Fact]
    public async Task A_write_context_carries_the_submission_count()
    {
        var (_, _, assignment) = await SubmittedAsync();

        Assert.Equal(1, (await assignment.GetWriteContext())!.Submissions);
    }

    [Fact]
    public async Task A_replayed_write_from_before_the_submission_does_not_reopen_it()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        var write = TestCensus.Write(roundId, idempotencyKey: "key-1");
        await dataset.Put(write);
        var assignment = _census.Assignment(roundId, institutionId);
        await assignment.Submit(TestCensus.Agency);

        Assert.Equal(SurveyWriteOutcome.Created, (await dataset.Put(write)).Outcome);

        Assert.Equal(AssignmentStatus.Submitted, (await assignment.Get())!.Status);
    }
}
