using Census.Contracts.Exports;
using Census.Contracts.Principals;
using Census.Domain.Exports;

namespace Census.Grains.Tests.Exports;

[Collection(ClusterCollection.Name)]
public sealed class ExportRequestGrainTests(ClusterFixture fixture)
{
    private static ExportRequest NewRequest(string organisation)
    {
        var files = new List<ExportFile> { new("t.csv", ExportFileType.Table, new string('a', 64), 10, [new ExportCell("a", 12, null, null, null)]) };
        return new ExportRequest(
            UniqueIds.Next("exp"), "grant-1", "inst-a", "ds-1", UniqueIds.Next("req"), organisation, files, null,
            OutputChecks.Check(files), ExportStatus.Submitted, [], DateTimeOffset.UtcNow, "requester:test", null);
    }

    private static CheckerDecision Approval(string checker) =>
        new(new PrincipalRef(checker, UniqueIds.Next("org")), ExportVerdict.Approve, "checked", $"output-checker:{checker}/k");

    private IExportRequestGrain Grain(ExportRequest request) => fixture.Client.GetGrain<IExportRequestGrain>(request.Id);

    /// <summary>The queue's exports of one organisation (the queues are shared by every test of the cluster).</summary>
    private async Task<Page<ExportSummary>> Queue(string queue, string organisation)
    {
        var all = await fixture.Client.GetGrain<IExportQueueGrain>(queue).List(null, null, 1, 500);
        return all with { Items = [.. all.Items.Where(e => e.OrganisationId == organisation)] };
    }

    [Fact]
    public async Task Submitting_again_answers_the_stored_request_unchanged()
    {
        var request = NewRequest(UniqueIds.Next("org"));
        await Grain(request).Submit(request);

        var again = await Grain(request).Submit(request with { Notes = "another" });

        Assert.Null(again.Notes);
    }

    [Fact]
    public async Task A_submitted_export_is_in_its_requesters_list_and_the_open_queue()
    {
        var organisation = UniqueIds.Next("org");
        var request = NewRequest(organisation);

        await Grain(request).Submit(request);

        var own = await fixture.Client.GetGrain<IRequesterExportsGrain>(request.RequesterId).List(null, 1, 50);
        Assert.Equal([request.Id], own.Items.Select(e => e.Id));
        Assert.Equal([request.Id], (await Queue("open", organisation)).Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Two_approvals_move_the_export_from_the_open_queue_to_the_approved_one()
    {
        var organisation = UniqueIds.Next("org");
        var request = NewRequest(organisation);
        await Grain(request).Submit(request);

        await Grain(request).Decide(Approval("chk-1"));
        var inCheck = await Queue("open", organisation);
        await Grain(request).Decide(Approval("chk-2"));

        Assert.Equal((ExportStatus.InCheck, 1), (inCheck.Items.Single().Status, inCheck.Items.Single().Approvals));
        Assert.Empty((await Queue("open", organisation)).Items);
        Assert.Equal(ExportStatus.Approved, (await Queue("approved", organisation)).Items.Single().Status);
        var own = await fixture.Client.GetGrain<IRequesterExportsGrain>(request.RequesterId).List(ExportStatus.Approved, 1, 50);
        Assert.Equal([request.Id], own.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task A_decision_on_no_export_is_not_found()
    {
        var result = await fixture.Client.GetGrain<IExportRequestGrain>(UniqueIds.Next("exp")).Decide(Approval("chk-1"));

        Assert.Equal(ExportDecisionOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task A_refused_decision_changes_nothing()
    {
        var request = NewRequest(UniqueIds.Next("org"));
        await Grain(request).Submit(request);

        var result = await Grain(request).Decide(new CheckerDecision(
            new PrincipalRef("chk-1", request.OrganisationId), ExportVerdict.Approve, "mine", "output-checker:chk-1/k"));

        Assert.Equal(ExportDecisionOutcome.NotIndependent, result.Outcome);
        Assert.Empty((await Grain(request).Get())!.Decisions);
    }
}
