using Census.Domain.Selection;
using static Census.Domain.Tests.Selection.Candidates;

namespace Census.Domain.Tests.Selection;

/// <summary>rubric.md: an unselected record is explained by the constraint that was binding, or by the cut.</summary>
public sealed class BindingTests
{
    [Fact]
    public void Each_unselected_record_names_what_kept_it_out()
    {
        // a/1 + c/1 (450) beats a/2 + b/1 (160): a/2 and b/1 rank above c/1 but each is blocked by a full bound.
        Candidate[] candidates =
        [
            Of("a/1", Sector.Law, 400), Of("b/1", Sector.Law, 100), Of("a/2", Sector.Finance, 60),
            Of("c/1", Sector.Finance, 50), Of("d/1", Sector.Education, 5),
        ];

        var result = ExactSelection.Solve(
            candidates, Constraints(quota: 2, maxPerInstitution: 1, max: new() { [Sector.Law] = 1 }));

        Assert.Equal(["a/1", "c/1"], result.Keys());
        Assert.Equal(
            new Dictionary<string, string> { ["a/2"] = "maxPerInstitution", ["b/1"] = "sectorMax.law", ["d/1"] = "quota" },
            result.Binding);
    }

    [Fact]
    public void A_record_displaced_by_another_sectors_minimum_names_that_minimum()
    {
        Candidate[] candidates = [Of("a/1", Sector.Finance, 400), Of("b/1", Sector.Finance, 300), Of("c/1", Sector.Law, 8)];

        var result = ExactSelection.Solve(candidates, Constraints(quota: 2, min: new() { [Sector.Law] = 1 }));

        Assert.Equal(["a/1", "c/1"], result.Keys());
        Assert.Equal("sectorMin.law", result.Binding["b/1"]);
    }
}
