using Census.Contracts.Exports;
using Census.Domain.Exports;
using static Census.Domain.Tests.Exports.Exports;

namespace Census.Domain.Tests.Exports;

public sealed class OutputChecksTests
{
    [Fact]
    public void A_cell_of_3_fails_and_is_named_with_why()
    {
        var check = OutputChecks.Check(Table(Count("a", 12), Count("region=jeju/age=90+", 3)));

        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        var finding = Assert.Single(check.Findings);
        Assert.Equal((1, "region=jeju/age=90+", CellFindingKind.BelowThreshold, true), (finding.Index, finding.Key, finding.Kind, finding.Fails));
        Assert.Contains("3", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_of_9_fails() =>
        Assert.Equal(CheckOutcome.Fail, OutputChecks.Check(Table(Count("a", 9))).Outcome);

    [Fact]
    public void A_cell_of_exactly_10_passes() =>
        Assert.Equal(CheckOutcome.Pass, OutputChecks.Check(Table(Count("a", 10))).Outcome);

    [Fact]
    public void A_cell_of_1_fails() =>
        Assert.Equal(CheckOutcome.Fail, OutputChecks.Check(Table(Count("a", 1))).Outcome);

    [Fact]
    public void A_zero_cell_is_reported_not_failed()
    {
        var check = OutputChecks.Check(Table(Count("a", 0), Count("b", 15)));

        Assert.Equal(CheckOutcome.Pass, check.Outcome);
        var finding = Assert.Single(check.Findings);
        Assert.Equal((0, CellFindingKind.Zero, false), (finding.Index, finding.Kind, finding.Fails));
    }

    [Fact]
    public void Two_contributions_of_exactly_90_percent_fail_as_dominance()
    {
        var check = OutputChecks.Check(Table(Magnitude("a", 45, 45, 100)));

        Assert.Equal(CheckOutcome.Fail, check.Outcome);
        Assert.Equal(CellFindingKind.Dominance, Assert.Single(check.Findings).Kind);
    }

    [Fact]
    public void Two_contributions_just_under_90_percent_pass()
    {
        Assert.Equal(CheckOutcome.Pass, OutputChecks.Check(Table(Magnitude("a", 44.995m, 44.995m, 100))).Outcome);
        // Doubles round 0.45 + 0.4499999999999999999999999 up to 0.9: exact arithmetic keeps it under.
        Assert.False(OutputChecks.Dominated(0.4499999999999999999999999m, 0.45m, 1m));
    }

    [Fact]
    public void Dominance_compares_exactly_at_the_largest_magnitudes()
    {
        Assert.True(OutputChecks.Dominated(ExportRules.MaxMagnitude / 2, ExportRules.MaxMagnitude * 0.4m, ExportRules.MaxMagnitude));
        Assert.False(OutputChecks.Dominated(ExportRules.MaxMagnitude / 2, ExportRules.MaxMagnitude * 0.4m - 0.0000001m, ExportRules.MaxMagnitude));
    }

    [Fact]
    public void A_zero_total_is_reported_not_failed()
    {
        var check = OutputChecks.Check(Table(Magnitude("a", 0, 0, 0)));

        Assert.Equal(CheckOutcome.Pass, check.Outcome);
        Assert.Equal((CellFindingKind.ZeroTotal, false), (Assert.Single(check.Findings).Kind, check.Findings[0].Fails));
    }

    [Fact]
    public void A_cell_both_small_and_dominated_names_both_findings()
    {
        var check = OutputChecks.Check(Table(Magnitude("a", 60, 35, 100, count: 4)));

        Assert.Equal([CellFindingKind.BelowThreshold, CellFindingKind.Dominance], check.Findings.Select(f => f.Kind));
    }

    [Fact]
    public void A_model_always_needs_manual_review() =>
        Assert.Equal(CheckOutcome.ManualReview, OutputChecks.Check(Other(ExportFileType.Model)).Outcome);

    [Theory]
    [InlineData(ExportFileType.Figure)]
    [InlineData(ExportFileType.Text)]
    [InlineData(ExportFileType.Code)]
    public void Files_without_figures_are_never_passed_automatically(ExportFileType type)
    {
        var check = OutputChecks.Check(Other(type));

        Assert.Equal(CheckOutcome.ManualReview, check.Outcome);
        Assert.Empty(check.Findings);
    }

    [Fact]
    public void A_request_fails_when_any_file_fails_even_beside_files_for_manual_review()
    {
        var checks = OutputChecks.Check([Other(ExportFileType.Model, "m.bin"), Table(Count("a", 3))]);

        Assert.Equal(CheckOutcome.Fail, checks.Outcome);
        Assert.Equal([CheckOutcome.ManualReview, CheckOutcome.Fail], checks.Files.Select(f => f.Outcome));
    }

    [Fact]
    public void A_request_of_passing_tables_and_a_figure_needs_manual_review() =>
        Assert.Equal(CheckOutcome.ManualReview, OutputChecks.Check([Table(Count("a", 10)), Other(ExportFileType.Figure, "f.png")]).Outcome);

    [Fact]
    public void A_request_of_passing_tables_passes() =>
        Assert.Equal(CheckOutcome.Pass, OutputChecks.Check([Table(Count("a", 10), Count("b", 0))]).Outcome);
}
