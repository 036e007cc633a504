namespace Census.Grains.Tests.Rounds;

/// <summary>An institution's response to a round: invited → responding → submitted, and the round's counters.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AssignmentTests(ClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    private Task<SurveyWriteResult> PutNewDataset(string roundId, string institutionId) =>
        _census.Dataset(institutionId, TestCensus.NewDatasetId()).Put(TestCensus.Write(roundId));

    [Fact]
    public async Task An_invited_institution_that_has_not_written_is_invited()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();

        var assignment = await _census.Assignment(roundId, institutionId).Get();

        Assert.Equal(new Assignment(roundId, institutionId, AssignmentStatus.Invited, 0, null), assignment);
    }

    [Fact]
    public async Task A_first_write_makes_the_assignment_responding()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();

        await PutNewDataset(roundId, institutionId);

        var assignment = await _census.Assignment(roundId, institutionId).Get();
        Assert.Equal(AssignmentStatus.Responding, assignment!.Status);
        Assert.Equal(1, assignment.Datasets);
    }

    [Fact]
    public async Task Submitting_makes_the_assignment_submitted()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        await PutNewDataset(roundId, institutionId);
        var before = DateTimeOffset.UtcNow;

        var result = await _census.Assignment(roundId, institutionId).Submit(TestCensus.Agency);

        Assert.Equal(AssignmentSubmitOutcome.Submitted, result.Outcome);
        Assert.Equal(AssignmentStatus.Submitted, result.Assignment!.Status);
        Assert.InRange(result.Assignment.SubmittedAt!.Value, before, DateTimeOffset.UtcNow);
        Assert.Equal(AssignmentStatus.Submitted, (await _census.Assignment(roundId, institutionId).Get())!.Status);
    }

    [Fact]
    public async Task A_write_after_submitting_makes_the_assignment_responding_again()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        await PutNewDataset(roundId, institutionId);
        await _census.Assignment(roundId, institutionId).Submit(TestCensus.Agency);

        await PutNewDataset(roundId, institutionId);

        var assignment = await _census.Assignment(roundId, institutionId).Get();
        Assert.Equal(AssignmentStatus.Responding, assignment!.Status);
        Assert.Equal(2, assignment.Datasets);
    }

    [Fact]
    public async Task Submitting_to_a_closed_round_is_round_not_open()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        await PutNewDataset(roundId, institutionId);
        await _census.Round(roundId).Close(TestCensus.Admin);

        var result = await _census.Assignment(roundId, institutionId).Submit(TestCensus.Agency);

        Assert.Equal(AssignmentSubmitOutcome.RoundNotOpen, result.Outcome);
        Assert.Equal(AssignmentStatus.Responding, (await _census.Assignment(roundId, institutionId).Get())!.Status);
    }

    [Fact]
    public async Task Submitting_when_not_invited_is_not_invited()
    {
        var (roundId, _) = await _census.OpenRoundWithInstitution();
        var other = await _census.RegisteredInstitution();

        var result = await _census.Assignment(roundId, other).Submit(TestCensus.Agency);

        Assert.Equal(AssignmentSubmitOutcome.NotInvited, result.Outcome);
    }

    [Fact]
    public async Task Submitting_to_an_unknown_round_is_round_not_found()
    {
        var institutionId = await _census.RegisteredInstitution();

        var result = await _census.Assignment(UniqueIds.Next("round"), institutionId).Submit(TestCensus.Agency);

        Assert.Equal(AssignmentSubmitOutcome.RoundNotFound, result.Outcome);
    }

    [Fact]
    public async Task The_assignment_lists_the_datasets_reported_in_order()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var ids = new[] { "ds-b" + Guid.NewGuid().ToString("N")[..8], "ds-a" + Guid.NewGuid().ToString("N")[..8] };
        foreach (var id in ids)
        {
            await _census.Dataset(institutionId, id).Put(TestCensus.Write(roundId));
        }

        var page = await _census.Assignment(roundId, institutionId).ListRecords(1, 50);

        Assert.Equal(ids.Order(StringComparer.Ordinal), page.Items.Select(r => r.DatasetId));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task A_new_round_counts_nobody_responding_or_submitted_and_no_datasets()
    {
        var (roundId, _) = await _census.OpenRoundWithInstitution();

        var progress = (await _census.Round(roundId).Get())!.Progress;

        Assert.Equal(new RoundProgress(1, 0, 0, 0), progress);
    }

    [Fact]
    public async Task The_round_counts_responding_and_submitted_institutions_and_indexed_datasets()
    {
        var a = await _census.RegisteredInstitution();
        var b = await _census.RegisteredInstitution();
        var c = await _census.RegisteredInstitution();
        var roundId = await _census.OpenRound(d => d with { Institutions = [a, b, c] });
        await PutNewDataset(roundId, a);
        await PutNewDataset(roundId, a);
        await PutNewDataset(roundId, b);
        await _census.Assignment(roundId, b).Submit(TestCensus.Agency);

        var progress = (await _census.Round(roundId).Get())!.Progress;

        Assert.Equal(new RoundProgress(Invited: 3, Responding: 1, Submitted: 1, Datasets: 3), progress);
    }

    [Fact]
    public async Task The_round_counts_an_institution_responding_again_after_it_writes_past_its_submission()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        await PutNewDataset(roundId, institutionId);
        await _census.Assignment(roundId, institutionId).Submit(TestCensus.Agency);
        await PutNewDataset(roundId, institutionId);

        var progress = (await _census.Round(roundId).Get())!.Progress;

        Assert.Equal(new RoundProgress(1, 1, 0, 2), progress);
    }

    [Fact]
    public async Task The_round_counts_datasets_from_the_index_so_a_withdrawn_one_drops_out()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        await dataset.Put(TestCensus.Write(roundId));
        await PutNewDataset(roundId, institutionId);

        await dataset.Withdraw(roundId, TestCensus.Agency, null);

        Assert.Equal(1, (await _census.Round(roundId).Get())!.Progress.Datasets);
    }

    [Fact]
    public async Task An_assignment_survives_reactivation()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        await PutNewDataset(roundId, institutionId);
        var submitted = (await _census.Assignment(roundId, institutionId).Submit(TestCensus.Agency)).Assignment;
        await fixture.Cluster.DeactivateAsync(_census.Assignment(roundId, institutionId));

        var read = await _census.Assignment(roundId, institutionId).Get();

        Assert.Equal(submitted, read);
    }
}
