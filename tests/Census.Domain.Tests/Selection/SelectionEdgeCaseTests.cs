using Census.Domain.Selection;
using static Census.Domain.Tests.Selection.Candidates;

namespace Census.Domain.Tests.Selection;

public sealed class SelectionEdgeCaseTests
{
    [Fact]
    public void No_candidates_select_nothing()
    {
        var result = ExactSelection.Solve([], Constraints(quota: 10));

        Assert.Equal(SelectionOutcome.Selected, result.Outcome);
        Assert.Empty(result.Selected);
        Assert.Equal(0, result.TotalPostQuarterPoints);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void No_candidates_cannot_meet_a_sector_minimum()
    {
        var result = ExactSelection.Solve([], Constraints(quota: 10, min: new() { [Sector.Law] = 1 }));

        Assert.Equal(SelectionOutcome.Infeasible, result.Outcome);
    }

    [Fact]
    public void Quota_0_selects_nothing_and_every_record_is_below_the_cut()
    {
        Candidate[] candidates = [Of("a/1", Sector.Law, 100), Of("b/1", Sector.Finance, 50)];

        var result = ExactSelection.Solve(candidates, Constraints(quota: 0));

        Assert.Equal(SelectionOutcome.Selected, result.Outcome);
        Assert.Empty(result.Selected);
        Assert.Equal(new Dictionary<string, string> { ["a/1"] = "quota", ["b/1"] = "quota" }, result.Binding);
    }

    [Fact]
    public void A_quota_above_the_candidate_count_selects_every_candidate()
    {
        Candidate[] candidates = [Of("b/1", Sector.Finance, 50), Of("a/1", Sector.Law, 100), Of("a/2", Sector.Law, 0)];

        var result = ExactSelection.Solve(candidates, Constraints(quota: 100));

        Assert.Equal(["a/1", "b/1", "a/2"], result.Keys());
        Assert.Equal(150, result.TotalPostQuarterPoints);
        Assert.Empty(result.Binding);
    }

    [Fact]
    public void Max_per_institution_0_selects_nothing()
    {
        var result = ExactSelection.Solve([Of("a/1", Sector.Law, 100)], Constraints(quota: 3, maxPerInstitution: 0));

        Assert.Empty(result.Selected);
        Assert.Equal("maxPerInstitution", result.Binding["a/1"]);
    }

    [Fact]
    public void A_repeated_key_is_rejected()
    {
        Assert.Throws<ArgumentException>(() =>
            ExactSelection.Solve([Of("a/1", Sector.Law, 100), Of("a/1", Sector.Finance, 50)], Constraints(quota: 3)));
    }

    [Fact]
    public void A_negative_quota_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExactSelection.Solve([], Constraints(quota: -1)));
    }
}
