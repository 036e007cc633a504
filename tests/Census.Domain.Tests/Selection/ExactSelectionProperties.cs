using System.Globalization;
using Census.Domain.Selection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Census.Domain.Tests.Selection;

/// <summary>The solver against the definition (rubric.md, "Selection"), on thousands of small random instances.</summary>
[Properties(Arbitrary = [typeof(SelectionArbitraries)], MaxTest = 3000)]
public sealed class ExactSelectionProperties
{
    [Property]
    public bool The_selection_has_the_largest_feasible_size_and_then_the_greatest_total(SelectionInstance instance)
    {
        var result = ExactSelection.Solve(instance.Candidates, instance.Constraints);

        return Agrees(result, BruteForce.Best(instance.Candidates, instance.Constraints));
    }

    [Property(MaxTest = 300)]
    public Property The_same_holds_for_deeper_instances() =>
        Prop.ForAll(SelectionArbitraries.Larger().ToArbitrary(), instance =>
            Agrees(ExactSelection.Solve(instance.Candidates, instance.Constraints), BruteForce.Best(instance.Candidates, instance.Constraints)));

    [Property]
    public bool The_selection_meets_every_bound_and_is_listed_in_ranking_order(SelectionInstance instance)
    {
        var result = ExactSelection.Solve(instance.Candidates, instance.Constraints);

        return result.Outcome == SelectionOutcome.Infeasible
            || (BruteForce.Violations(result.Selected.ToList(), instance.Constraints).Count == 0
                && result.Selected.SequenceEqual(result.Selected.Order(RankingOrder.Instance))
                && result.Selected.All(instance.Candidates.Contains)
                && result.TotalPostQuarterPoints == result.Selected.Sum(c => (long)c.PostQuarterPoints));
    }

    [Property]
    public bool An_infeasible_outcome_names_a_sector_minimum_and_selects_nothing(SelectionInstance instance)
    {
        var result = ExactSelection.Solve(instance.Candidates, instance.Constraints);

        return result.Outcome == SelectionOutcome.Selected
            ? result.Reason is null
            : result.Reason!.Contains("sectorMin.", StringComparison.Ordinal) && result.Selected.Count == 0 && result.Binding.Count == 0;
    }

    [Property]
    public bool An_unmet_minimum_is_short_by_exactly_what_no_selection_can_supply(SelectionInstance instance)
    {
        var result = ExactSelection.Solve(instance.Candidates, instance.Constraints);
        var at = result.Reason?.LastIndexOf(", short by ", StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return true;
        }

        var claimed = long.Parse(result.Reason![(at + ", short by ".Length)..], CultureInfo.InvariantCulture);
        return claimed == BruteForce.MinimumShortfall(instance.Candidates, instance.Constraints);
    }

    [Property]
    public bool The_candidate_set_has_the_optimum_of_all_candidates(SelectionInstance instance) =>
        BruteForce.Best(ExactSelection.CandidateSet(instance.Candidates, instance.Constraints), instance.Constraints)
        == BruteForce.Best(instance.Candidates, instance.Constraints);

    [Property]
    public bool The_candidate_set_never_changes_the_optimum(SelectionInstance instance)
    {
        var all = ExactSelection.Solve(instance.Candidates, instance.Constraints);
        var set = ExactSelection.CandidateSet(instance.Candidates, instance.Constraints);
        var onSet = ExactSelection.Solve(set, instance.Constraints);

        return all.Outcome == onSet.Outcome
            && all.Selected.Count == onSet.Selected.Count
            && all.TotalPostQuarterPoints == onSet.TotalPostQuarterPoints
            && set.SequenceEqual(set.Order(RankingOrder.Instance));
    }

    [Property]
    public Property Any_input_order_gives_the_identical_result(SelectionInstance instance) =>
        Prop.ForAll(Gen.Shuffle(instance.Candidates).ToArbitrary(), shuffled =>
        {
            var expected = ExactSelection.Solve(instance.Candidates, instance.Constraints);
            var actual = ExactSelection.Solve(shuffled, instance.Constraints);

            return actual.Outcome == expected.Outcome
                && actual.Reason == expected.Reason
                && actual.Selected.SequenceEqual(expected.Selected)
                && actual.Binding.OrderBy(b => b.Key, StringComparer.Ordinal)
                    .SequenceEqual(expected.Binding.OrderBy(b => b.Key, StringComparer.Ordinal));
        });

    [Property]
    public bool Every_unselected_candidate_is_explained_by_a_bound_that_is_at_its_limit(SelectionInstance instance)
    {
        var (candidates, constraints) = (instance.Candidates, instance.Constraints);
        var result = ExactSelection.Solve(candidates, constraints);
        if (result.Outcome == SelectionOutcome.Infeasible)
        {
            return true;
        }

        var selected = result.Selected;
        var last = selected.Count == 0 ? null : selected[^1];
        var unselected = candidates.Where(c => !selected.Contains(c)).ToList();
        return result.Binding.Count == unselected.Count && unselected.All(c => result.Binding[c.Key] switch
        {
            "quota" => selected.Count == constraints.Quota
                && (last is null || RankingOrder.Instance.Compare(c, last) > 0),
            "maxPerInstitution" => selected.Count(s => s.InstitutionId == c.InstitutionId) == constraints.MaxPerInstitution,
            var bound when bound.StartsWith("sectorMax.", StringComparison.Ordinal) =>
                bound == Bound("sectorMax", c.Sector) && selected.Count(s => s.Sector == c.Sector) == constraints.SectorMax[c.Sector],
            var bound when bound.StartsWith("sectorMin.", StringComparison.Ordinal) =>
                last is not null && bound == Bound("sectorMin", last.Sector) && last.Sector != c.Sector
                && selected.Count(s => s.Sector == last.Sector) == constraints.SectorMin[last.Sector],
            _ => false,
        });
    }

    private static string Bound(string name, Sector sector) => name + "." + Names.Of(sector);

    private static bool Agrees(SelectionResult result, (int Size, long Total)? best) =>
        best is { } b
            ? result.Outcome == SelectionOutcome.Selected && result.Selected.Count == b.Size && result.TotalPostQuarterPoints == b.Total
            : result.Outcome == SelectionOutcome.Infeasible;
}
