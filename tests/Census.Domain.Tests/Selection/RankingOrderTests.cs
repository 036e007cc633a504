using Census.Domain.Selection;
using static Census.Domain.Tests.Selection.Candidates;

namespace Census.Domain.Tests.Selection;

/// <summary>rubric.md: post desc, then now desc, then key (ordinal) asc; the selection is listed in that order.</summary>
public sealed class RankingOrderTests
{
    private static readonly Candidate[] Ladder =
    [
        Of("b/x", Sector.Law, 200, now: 100),
        Of("a/y", Sector.Finance, 200, now: 100),
        Of("c/z", Sector.Law, 200, now: 120),
        Of("a/w", Sector.Education, 300, now: 0),
        Of("a-b/x", Sector.Law, 200, now: 100),
    ];

    [Fact]
    public void Records_are_ordered_by_post_then_now_then_key()
    {
        var ordered = Ladder.Order(RankingOrder.Instance).Select(c => c.Key);

        // '-' sorts before '/', so the key a-b/x precedes a/y although the institution id "a" precedes "a-b".
        Assert.Equal(["a/w", "c/z", "a-b/x", "a/y", "b/x"], ordered);
    }

    [Fact]
    public void The_selection_is_listed_in_ranking_order()
    {
        var result = ExactSelection.Solve(Ladder, Constraints(quota: 5));

        Assert.Equal(["a/w", "c/z", "a-b/x", "a/y", "b/x"], result.Keys());
    }

    [Fact]
    public void Of_two_records_with_the_same_post_the_higher_now_is_selected()
    {
        var result = ExactSelection.Solve([Of("a/low", Sector.Law, 200, now: 10), Of("b/high", Sector.Law, 200, now: 20)], Constraints(quota: 1));

        Assert.Equal(["b/high"], result.Keys());
    }

    [Fact]
    public void Of_two_records_with_the_same_scores_the_smaller_key_is_selected()
    {
        var result = ExactSelection.Solve([Of("b/x", Sector.Law, 200), Of("a/x", Sector.Law, 200)], Constraints(quota: 1));

        Assert.Equal(["a/x"], result.Keys());
    }

    [Fact]
    public void Of_equal_totals_the_selection_with_earlier_records_is_preferred()
    {
        // One per institution and per sector: {a/1, b/2} and {a/2, b/1} both total 200; the first holds ranks 1 and 2.
        Candidate[] candidates =
        [
            Of("a/1", Sector.Law, 100, now: 4), Of("b/2", Sector.Finance, 100, now: 3),
            Of("a/2", Sector.Finance, 100, now: 2), Of("b/1", Sector.Law, 100, now: 1),
        ];

        var result = ExactSelection.Solve(
            candidates, Constraints(quota: 2, maxPerInstitution: 1, max: new() { [Sector.Law] = 1, [Sector.Finance] = 1 }));

        Assert.Equal(["a/1", "b/2"], result.Keys());
    }

    [Fact]
    public void A_shuffled_input_gives_the_identical_result()
    {
        var random = new Random(20_240_601);
        var candidates = Enumerable.Range(0, 60)
            .Select(i => Of($"i{i % 7}/d{i}", (Sector)(i % 4), random.Next(0, 5) * 25, random.Next(0, 3)))
            .ToArray();
        var constraints = Constraints(quota: 12, maxPerInstitution: 2, min: new() { [(Sector)3] = 2 }, max: new() { [(Sector)0] = 3 });
        var expected = ExactSelection.Solve(candidates, constraints);

        for (var round = 0; round < 20; round++)
        {
            var shuffled = candidates.ToArray();
            random.Shuffle(shuffled);

            var actual = ExactSelection.Solve(shuffled, constraints);

            Assert.Equal(expected.Keys(), actual.Keys());
            Assert.Equal(expected.Binding.OrderBy(b => b.Key, StringComparer.Ordinal), actual.Binding.OrderBy(b => b.Key, StringComparer.Ordinal));
        }
    }
}
