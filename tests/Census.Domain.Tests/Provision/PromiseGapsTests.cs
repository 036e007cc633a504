using Census.Contracts.Provision;
using Census.Contracts.Surveys;
using Census.Domain.Provision;

namespace Census.Domain.Tests.Provision;

public class PromiseGapsTests
{
    private static Score Score(decimal now, decimal post, params (string C, int LevelNow, int LevelPost, decimal PointsNow, decimal PointsPost)[] criteria) =>
        new(1, now, post, true, [], [.. criteria.Select(c => new CriterionScore(c.C, 10, c.LevelNow, c.LevelPost, c.PointsNow, c.PointsPost, ""))]);

    [Fact]
    public void The_gap_is_delivered_now_minus_promised_post_per_criterion()
    {
        var promised = Score(40m, 70m, ("c1", 2, 4, 5m, 10m), ("c2", 1, 3, 2.5m, 7.5m));
        var delivered = Score(60m, 80m, ("c1", 3, 4, 7.5m, 10m), ("c2", 3, 3, 7.5m, 7.5m));

        var gap = PromiseGaps.Compute(promised, delivered);

        Assert.Equal((70m, 60m, -10m), (gap.Promised, gap.Delivered, gap.Gap));
        Assert.Equal(new CriterionGap("c1", 4, 3, 10m, 7.5m, -2.5m), gap.Criteria[0]);
        Assert.Equal(new CriterionGap("c2", 3, 3, 7.5m, 7.5m, 0m), gap.Criteria[1]);
    }

    [Fact]
    public void Scores_of_different_criteria_cannot_be_compared() =>
        Assert.Throws<ArgumentException>(() => PromiseGaps.Compute(Score(0, 0, ("c1", 0, 0, 0, 0)), Score(0, 0, ("c2", 0, 0, 0, 0))));

    [Fact]
    public void Summaries_average_per_key_and_per_criterion_rounded_half_away_from_zero()
    {
        // institution a: gaps −1.25 and 0 → −0.625 → −0.63; c1 −1.25 and 0 → −0.63.
        // institution b: gaps 1, 2, 2 → 5/3 → 1.67.
        static PromiseGap Gap(decimal total) => new(0m, total, total, [new CriterionGap("c1", 0, 0, 0m, total, total)]);
        var summaries = PromiseGaps.Summarize([("b", Gap(1m)), ("a", Gap(-1.25m)), ("b", Gap(2m)), ("a", Gap(0m)), ("b", Gap(2m))]);

        Assert.Equal(["a", "b"], summaries.Select(s => s.Key));
        Assert.Equal((2, -0.63m), (summaries[0].Datasets, summaries[0].AverageGap));
        Assert.Equal([new CriterionAverage("c1", -0.63m)], summaries[0].Criteria);
        Assert.Equal((3, 1.67m), (summaries[1].Datasets, summaries[1].AverageGap));
    }
}
