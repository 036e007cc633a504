using Census.Domain.Selection;
using static Census.Domain.Tests.Selection.Candidates;

namespace Census.Domain.Tests.Selection;

/// <summary>rubric.md: greedy picking by score is not correct — a higher record can block two others.</summary>
public sealed class GreedyCounterexampleTests
{
    // a/top is the best record; taking it fills institution a (blocking a/finance) and the one law slot (blocking b/law).
    private static readonly SelectionConstraints OnePerInstitutionOneLaw =
        Constraints(quota: 2, maxPerInstitution: 1, max: new() { [Sector.Law] = 1 });

    [Fact]
    public void Greedy_selects_fewer_records_than_the_constraints_allow()
    {
        Candidate[] candidates = [Of("a/top", Sector.Law, 160), Of("a/finance", Sector.Finance, 32), Of("b/law", Sector.Law, 144)];

        var greedy = Greedy(candidates, OnePerInstitutionOneLaw);
        var result = ExactSelection.Solve(candidates, OnePerInstitutionOneLaw);

        Assert.Equal(["a/top"], greedy.Select(c => c.Key));
        Assert.Equal(SelectionOutcome.Selected, result.Outcome);
        Assert.Equal(["b/law", "a/finance"], result.Keys());
        Assert.Equal(176, result.TotalPostQuarterPoints);
    }

    [Fact]
    public void Greedy_selects_as_many_records_but_a_lower_total()
    {
        Candidate[] candidates =
        [
            Of("a/top", Sector.Law, 160), Of("a/finance", Sector.Finance, 120), Of("b/law", Sector.Law, 144),
            Of("c/finance", Sector.Finance, 20),
        ];

        var greedy = Greedy(candidates, OnePerInstitutionOneLaw);
        var result = ExactSelection.Solve(candidates, OnePerInstitutionOneLaw);

        Assert.Equal(["a/top", "c/finance"], greedy.Select(c => c.Key));
        Assert.Equal(180, greedy.Sum(c => c.PostQuarterPoints));
        Assert.Equal(["b/law", "a/finance"], result.Keys());
        Assert.Equal(264, result.TotalPostQuarterPoints);
    }

    [Fact]
    public void A_sector_minimum_can_require_a_lower_record_over_a_higher_one()
    {
        Candidate[] candidates = [Of("a/finance", Sector.Finance, 160), Of("b/law", Sector.Law, 16)];

        var result = ExactSelection.Solve(candidates, Constraints(quota: 1, min: new() { [Sector.Law] = 1 }));

        Assert.Equal(["b/law"], result.Keys());
    }

    // Take each record in ranking order if it breaks no upper bound.
    private static List<Candidate> Greedy(IEnumerable<Candidate> candidates, SelectionConstraints constraints)
    {
        var taken = new List<Candidate>();
        foreach (var candidate in candidates.Order(RankingOrder.Instance))
        {
            taken.Add(candidate);
            if (BruteForce.Violations(taken, constraints).Count != 0)
            {
                taken.RemoveAt(taken.Count - 1);
            }
        }

        return taken;
    }
}
