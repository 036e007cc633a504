using Census.Domain.Selection;
using static Census.Domain.Tests.Selection.Candidates;

namespace Census.Domain.Tests.Selection;

/// <summary>rubric.md: where the sector minimums cannot be met, the run says which bound failed and by how much.</summary>
public sealed class InfeasibleSelectionTests
{
    [Fact]
    public void A_sector_minimum_above_the_sectors_eligible_records_is_infeasible()
    {
        Candidate[] candidates = [Of("a/law", Sector.Law, 100), Of("a/finance", Sector.Finance, 100)];

        var result = ExactSelection.Solve(candidates, Constraints(quota: 5, min: new() { [Sector.Law] = 3 }));

        Assert.Equal(SelectionOutcome.Infeasible, result.Outcome);
        Assert.Equal("sectorMin.law = 3 cannot be met: at most 1 eligible record can be selected in law, short by 2", result.Reason);
        Assert.Empty(result.Selected);
        Assert.Empty(result.Binding);
    }

    [Fact]
    public void A_sector_minimum_with_no_eligible_record_at_all_is_infeasible()
    {
        var result = ExactSelection.Solve([Of("a/law", Sector.Law, 100)], Constraints(quota: 5, min: new() { [Sector.HealthMedical] = 1 }));

        Assert.Equal(
            "sectorMin.health-medical = 1 cannot be met: at most 0 eligible records can be selected in health-medical, short by 1",
            result.Reason);
    }

    [Fact]
    public void Sector_minimums_summing_above_the_quota_are_infeasible()
    {
        Candidate[] candidates = [.. Many("a", Sector.Law, 3), .. Many("b", Sector.Finance, 3)];

        var result = ExactSelection.Solve(
            candidates, Constraints(quota: 3, min: new() { [Sector.Finance] = 2, [Sector.Law] = 2 }));

        Assert.Equal(SelectionOutcome.Infeasible, result.Outcome);
        Assert.Equal("the sector minimums sectorMin.law = 2 and sectorMin.finance = 2 sum to 4, above quota = 3 by 1", result.Reason);
    }

    [Fact]
    public void A_sector_minimum_blocked_by_max_per_institution_is_infeasible()
    {
        Candidate[] candidates = [.. Many("a", Sector.Law, 3), Of("b/finance", Sector.Finance, 100)];

        var result = ExactSelection.Solve(candidates, Constraints(quota: 5, maxPerInstitution: 1, min: new() { [Sector.Law] = 2 }));

        Assert.Equal(SelectionOutcome.Infeasible, result.Outcome);
        Assert.Equal(
            "sectorMin.law = 2 cannot be met: at most 1 eligible record can be selected in law (limited by maxPerInstitution = 1), short by 1",
            result.Reason);
    }

    [Fact]
    public void Minimums_that_compete_for_one_institution_fail_together()
    {
        Candidate[] candidates = [Of("a/law", Sector.Law, 100), Of("a/finance", Sector.Finance, 100)];

        var result = ExactSelection.Solve(
            candidates, Constraints(quota: 5, maxPerInstitution: 1, min: new() { [Sector.Law] = 1, [Sector.Finance] = 1 }));

        Assert.Equal(
            "sectorMin.law = 1 and sectorMin.finance = 1 cannot all be met: at most 1 eligible record can be selected in law and "
            + "finance together (limited by maxPerInstitution = 1), short by 1",
            result.Reason);
    }

    [Fact]
    public void A_sector_minimum_above_its_maximum_is_infeasible()
    {
        var result = ExactSelection.Solve(
            Many("a", Sector.Law, 4), Constraints(quota: 5, min: new() { [Sector.Law] = 3 }, max: new() { [Sector.Law] = 2 }));

        Assert.Equal("sectorMin.law = 3 exceeds sectorMax.law = 2 by 1", result.Reason);
    }

    [Fact]
    public void Minimums_that_can_be_met_are_met_at_the_cost_of_higher_records()
    {
        Candidate[] candidates = [.. Many("a", Sector.Finance, 3, post: 200), .. Many("b", Sector.Law, 2, post: 4)];

        var result = ExactSelection.Solve(candidates, Constraints(quota: 3, min: new() { [Sector.Law] = 2 }));

        Assert.Equal(SelectionOutcome.Selected, result.Outcome);
        Assert.Equal(["a/finance-0", "b/law-0", "b/law-1"], result.Keys());
    }

    private static Candidate[] Many(string institution, Sector sector, int count, int post = 100) =>
        Enumerable.Range(0, count)
            .Select(i => Of($"{institution}/{Names.Of(sector)}-{i}", sector, post))
            .ToArray();
}
