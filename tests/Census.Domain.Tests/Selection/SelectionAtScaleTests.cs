using Census.Domain.Selection;

namespace Census.Domain.Tests.Selection;

/// <summary>A census-sized run: 100,000 candidates, 2,000 institutions, 16 sectors, quota 100 (no timing asserted).</summary>
public sealed class SelectionAtScaleTests
{
    [Fact]
    public void A_census_sized_selection_meets_every_bound_and_the_candidate_set_keeps_its_optimum()
    {
        var random = new Random(7);
        var sectors = Enum.GetValues<Sector>();
        var candidates = Enumerable.Range(0, 100_000)
            .Select(i => new Candidate(
                $"inst-{random.Next(2_000):D4}", $"ds-{i:D6}", sectors[random.Next(sectors.Length)], random.Next(0, 401), random.Next(0, 401)))
            .ToArray();
        var constraints = new SelectionConstraints(
            100,
            3,
            sectors.Take(4).ToDictionary(s => s, _ => 5),
            sectors.Skip(4).ToDictionary(s => s, _ => 8));

        var result = ExactSelection.Solve(candidates, constraints);
        var onSet = ExactSelection.Solve(ExactSelection.CandidateSet(candidates, constraints), constraints);

        Assert.Equal(SelectionOutcome.Selected, result.Outcome);
        Assert.Equal(100, result.Selected.Count);
        Assert.Empty(BruteForce.Violations(result.Selected.ToList(), constraints));
        Assert.Equal(result.TotalPostQuarterPoints, onSet.TotalPostQuarterPoints);
        Assert.Equal(result.Keys(), onSet.Keys());
    }
}
