namespace Census.Grains.Tests.Rounds;

/// <summary>
/// A closed round refuses every later write: it closes the survey index's gate before it says closed, closes it
/// again when it wakes closed, and a submission asks the round itself rather than a cached context.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RoundCloseGateTests(ClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    [Fact]
    public async Task Closing_a_round_closes_its_index_gate()
    {
        var roundId = await _census.OpenRound();

        var result = await _census.Round(roundId).Close(TestCensus.Admin);

        Assert.Equal(RoundOutcome.Ok, result.Outcome);
        Assert.True(fixture.Index.IsClosed(roundId));
    }

    [Fact]
    public async Task A_round_whose_index_gate_cannot_close_does_not_report_closed()
    {
        var roundId = await _census.OpenRound();
        fixture.Index.FailNextCloses(1);

        await Assert.ThrowsAnyAsync<Exception>(() => _census.Round(roundId).Close(TestCensus.Admin));

        Assert.Equal(RoundState.Open, (await _census.Round(roundId).Get())!.State);
        Assert.False(fixture.Index.IsClosed(roundId));
    }

    [Fact]
    public async Task A_closed_round_closes_its_index_gate_again_when_it_wakes()
    {
        var roundId = await _census.ClosedRound();
        fixture.Index.Reopen(roundId);
        await fixture.Cluster.DeactivateAsync(_census.Round(roundId));

        await _census.Round(roundId).Get();

        Assert.True(fixture.Index.IsClosed(roundId));
    }

    [Fact]
    public async Task A_submission_through_an_assignment_that_missed_the_close_is_round_not_open()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var assignment = _census.Assignment(roundId, institutionId);
        await _census.Dataset(institutionId, TestCensus.NewDatasetId()).Put(TestCensus.Write(roundId));
        var whileOpen = (await assignment.GetWriteContext())!;
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(roundId).Close(TestCensus.Admin)).Outcome);
        await assignment.RoundChanged(whileOpen); // the close's push, overtaken by an older one

        var result = await assignment.Submit(TestCensus.Agency);

        Assert.Equal(AssignmentSubmitOutcome.RoundNotOpen, result.Outcome);
        Assert.Equal(AssignmentStatus.Responding, result.Assignment!.Status);
    }
}
