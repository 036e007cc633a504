namespace Census.Grains.Tests.Rounds;

/// <summary>An assignment's audit: its status changes with who made them, and its records' latest revisions from the index.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AssignmentAuditTests(ClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    [Fact]
    public async Task The_audit_holds_each_status_change_and_each_records_latest_revision()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        await dataset.Put(TestCensus.Write(roundId));
        await dataset.Put(TestCensus.Write(roundId, record: TestCensus.Write(roundId).Record with { Title = "두 번째" }));
        var assignment = _census.Assignment(roundId, institutionId);
        await assignment.Submit(TestCensus.Agency);

        var audit = await assignment.Audit(1, 10);

        Assert.NotNull(audit);
        Assert.Equal([AssignmentStatus.Responding, AssignmentStatus.Submitted], audit.Entries.Select(e => e.Status));
        Assert.Equal([null, TestCensus.Agency], audit.Entries.Select(e => e.Actor));
        var change = Assert.Single(audit.Records.Items);
        Assert.Equal((datasetId, "두 번째", 2), (change.DatasetId, change.Title, change.Revision));
    }

    [Fact]
    public async Task An_institution_the_round_does_not_invite_has_no_audit()
    {
        var (roundId, _) = await _census.OpenRoundWithInstitution();
        var (_, other) = await _census.OpenRoundWithInstitution();

        Assert.Null(await _census.Assignment(roundId, other).Audit(1, 10));
    }
}
