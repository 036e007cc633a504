using Census.Contracts.Exports;
using Census.Contracts.Principals;
using Census.Domain.Exports;
using static Census.Domain.Tests.Exports.Exports;

namespace Census.Domain.Tests.Exports;

public sealed class ExportRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static CheckerDecision By(string checker, string organisation, ExportVerdict verdict = ExportVerdict.Approve) =>
        new(new PrincipalRef(checker, organisation), verdict, "looked at every cell", $"output-checker:{checker}/k");

    private static NewExportFile TableEntry(params NewExportCell[] cells) =>
        new() { Path = "t.csv", Type = ExportFileType.Table, Sha256 = Hash, Bytes = 10, Cells = cells };

    private static NewExportCell Cell(string key, long count) => new() { Key = key, Count = count };

    private static IReadOnlyDictionary<string, string[]> Errors(params NewExportFile[] files) =>
        ExportRules.Validate(new NewExport { GrantId = "grant-1", Files = files }).Errors!.ToDictionary();

    [Fact]
    public void A_valid_request_keeps_its_cells_as_given()
    {
        var valid = ExportRules.Validate(new NewExport
        {
            GrantId = "grant-1",
            Files = [TableEntry(Cell("a", 3), new NewExportCell { Key = "b", Count = 12, Largest = 5.5m, Second = 2, Total = 40 })],
        });

        Assert.True(valid.IsValid);
        Assert.Equal([new ExportCell("a", 3, null, null, null), new ExportCell("b", 12, 5.5m, 2, 40)], valid.Value!.Files[0].Cells);
    }

    [Fact]
    public void A_table_without_cells_is_refused() =>
        Assert.Contains("files[0].cells", Errors(TableEntry()).Keys);

    [Fact]
    public void Cells_on_a_figure_are_refused() =>
        Assert.Contains("files[0].cells", Errors(new NewExportFile { Path = "f.png", Type = ExportFileType.Figure, Sha256 = Hash, Bytes = 1, Cells = [Cell("a", 1)] }).Keys);

    [Fact]
    public void A_negative_count_is_refused() =>
        Assert.Contains("files[0].cells[0].count", Errors(TableEntry(Cell("a", -1))).Keys);

    [Fact]
    public void A_magnitude_cell_gives_all_three_figures() =>
        Assert.Contains("files[0].cells[0]", Errors(TableEntry(new NewExportCell { Key = "a", Count = 20, Largest = 5, Total = 9 })).Keys);

    [Fact]
    public void A_second_contribution_above_the_largest_is_refused() =>
        Assert.Contains("files[0].cells[0].second", Errors(TableEntry(new NewExportCell { Key = "a", Count = 20, Largest = 5, Second = 6, Total = 90 })).Keys);

    [Fact]
    public void A_total_below_its_two_largest_contributions_is_refused() =>
        Assert.Contains("files[0].cells[0].total", Errors(TableEntry(new NewExportCell { Key = "a", Count = 20, Largest = 5, Second = 4, Total = 8.99m })).Keys);

    [Fact]
    public void A_repeated_cell_key_or_file_path_is_refused()
    {
        Assert.Contains("files[0].cells", Errors(TableEntry(Cell("a", 12), Cell("a", 14))).Keys);
        Assert.Contains("files", Errors(TableEntry(Cell("a", 12)), TableEntry(Cell("b", 12))).Keys);
    }

    [Fact]
    public void A_checker_of_the_requesters_organisation_may_not_decide()
    {
        var result = ExportRules.Decide(Request(), By("chk-1", "org-r"), Now);

        Assert.Equal(ExportDecisionOutcome.NotIndependent, result.Outcome);
        Assert.Empty(result.Request!.Decisions);
    }

    [Fact]
    public void The_requester_may_not_decide_on_their_own_export() =>
        Assert.Equal(ExportDecisionOutcome.NotIndependent, ExportRules.Decide(Request(), By("req-1", "org-x"), Now).Outcome);

    [Fact]
    public void One_approval_puts_the_export_in_check_and_a_second_checkers_approves_it()
    {
        var first = ExportRules.Decide(Request(), By("chk-1", "org-1"), Now).Request!;
        var second = ExportRules.Decide(first, By("chk-2", "org-2"), Now).Request!;

        Assert.Equal(ExportStatus.InCheck, first.Status);
        Assert.Null(first.DecidedAt);
        Assert.Equal(ExportStatus.Approved, second.Status);
        Assert.Equal(Now, second.DecidedAt);
        Assert.True(ExportRules.Downloadable(second));
        Assert.False(ExportRules.Downloadable(first));
    }

    [Fact]
    public void A_checker_decides_once()
    {
        var first = ExportRules.Decide(Request(), By("chk-1", "org-1"), Now).Request!;

        Assert.Equal(ExportDecisionOutcome.AlreadyDecided, ExportRules.Decide(first, By("chk-1", "org-1"), Now).Outcome);
    }

    [Fact]
    public void Any_rejection_rejects_and_closes_the_export()
    {
        var approved = ExportRules.Decide(Request(), By("chk-1", "org-1"), Now).Request!;
        var rejected = ExportRules.Decide(approved, By("chk-2", "org-2", ExportVerdict.Reject), Now).Request!;

        Assert.Equal(ExportStatus.Rejected, rejected.Status);
        Assert.Equal(ExportDecisionOutcome.Closed, ExportRules.Decide(rejected, By("chk-3", "org-3"), Now).Outcome);
    }

    [Fact]
    public void Approval_while_an_automatic_check_fails_is_refused_whatever_the_reason()
    {
        var result = ExportRules.Decide(Request(CheckOutcome.Fail), By("chk-1", "org-1"), Now);

        Assert.Equal(ExportDecisionOutcome.ChecksFail, result.Outcome);
        Assert.Empty(result.Request!.Decisions);
    }

    [Fact]
    public void Rejection_while_an_automatic_check_fails_is_taken() =>
        Assert.Equal(ExportStatus.Rejected, ExportRules.Decide(Request(CheckOutcome.Fail), By("chk-1", "org-1", ExportVerdict.Reject), Now).Request!.Status);

    [Fact]
    public void Files_needing_manual_review_can_be_approved() =>
        Assert.Equal(ExportDecisionOutcome.Decided, ExportRules.Decide(Request(CheckOutcome.ManualReview), By("chk-1", "org-1"), Now).Outcome);

    [Fact]
    public void Ledger_events_are_named_by_what_they_record_so_a_retry_lands_once()
    {
        var decided = ExportRules.Decide(Request(), By("chk-1", "org-1"), Now).Request!;

        var requested = ExportEvents.Requested(decided);
        var decision = ExportEvents.Decided(decided, decided.Decisions[0]);

        Assert.Equal("export-requested:exp1", requested.Id);
        Assert.Equal(("exp1", "req-1", "tables/t1.csv"), (requested.Facts["export"], requested.Facts["requester"], requested.Facts["files"]));
        Assert.Equal("export-decided:exp1:chk-1", decision.Id);
        Assert.Equal(("chk-1", "approved"), (decision.Facts["checker"], decision.Facts["decision"]));
        Assert.Equal("inst-a/ds-1", ExportEvents.LedgerKey(decided));
    }

    [Fact]
    public void A_refused_download_is_an_attempt_numbered_per_export_with_who_and_why()
    {
        var refused = ExportEvents.DownloadRefused(Request(), new PrincipalRef("req-2", "org-2"), "requester:req-2/k", "t.csv", "not yours", 3, Now);

        Assert.Equal("attempt-refused:export-download:exp1:3", refused.Id);
        Assert.Equal(("req-2", "org-2", "export-download", "not yours"),
            (refused.Facts["requester"], refused.Facts["organisation"], refused.Facts["what"], refused.Facts["reason"]));
    }
}
