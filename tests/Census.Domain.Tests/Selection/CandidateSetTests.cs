using Census.Domain.Selection;
using static Census.Domain.Tests.Selection.Candidates;

namespace Census.Domain.Tests.Selection;

/// <summary>rubric.md: per (institution, sector) only the top min(quota, maxPerInstitution, sectorMax) can be needed.</summary>
public sealed class CandidateSetTests
{
    private static Candidate[] Group(string institution, Sector sector, int count) =>
        Enumerable.Range(0, count).Select(i => Of($"{institution}/{sector}-{i}", sector, 100 - i)).ToArray();

    [Fact]
    public void Each_group_keeps_its_top_records_up_to_the_smallest_bound()
    {
        Candidate[] eligible = [.. Group("a", Sector.Law, 5), .. Group("a", Sector.Finance, 5), .. Group("b", Sector.Law, 1)];

        var set = ExactSelection.CandidateSet(eligible, Constraints(quota: 4, maxPerInstitution: 3, max: new() { [Sector.Law] = 2 }));

        Assert.Equal(
            ["a/Finance-0", "a/Law-0", "b/Law-0", "a/Finance-1", "a/Law-1", "a/Finance-2"],
            set.Select(c => c.Key));
    }

    [Fact]
    public void Without_bounds_the_quota_limits_each_group()
    {
        var set = ExactSelection.CandidateSet(Group("a", Sector.Law, 5), Constraints(quota: 2));

        Assert.Equal(["a/Law-0", "a/Law-1"], set.Select(c => c.Key));
    }
}
