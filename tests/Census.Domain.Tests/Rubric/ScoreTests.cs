using Census.Contracts.Surveys;
using Census.Domain.Rubric;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class ScoreTests
{
    private static RubricLevels Levels(int[] now, int[] post, params string[] failedGates) =>
        new(now, post, Enumerable.Range(1, 10).Select(i => $"reason {i}").ToArray(), failedGates);

    private static readonly int[] AllThrees = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3];

    [Fact]
    public void A_perfect_record_scores_100_now_and_post_under_the_default_weights()
    {
        var score = AtusRubric.Score(SurveyRecords.Perfect(), Atus.Deadline, RubricWeights.Default, 1);

        Assert.Equal(100m, score.Now);
        Assert.Equal(100m, score.Post);
        Assert.True(score.Eligible);
        Assert.All(score.Breakdown, c => Assert.Equal((4, 4), (c.LevelNow, c.LevelPost)));
    }

    [Fact]
    public void A_record_at_level_0_everywhere_scores_0()
    {
        var score = AtusRubric.Score(SurveyRecords.Minimal(), Atus.Deadline, RubricWeights.Default, 1);

        Assert.Equal(0m, score.Now);
        Assert.Equal(0m, score.Post);
        Assert.All(score.Breakdown, c => Assert.Equal((0, 0), (c.LevelNow, c.LevelPost)));
    }

    [Fact]
    public void The_score_is_the_weighted_sum_of_levels_over_4_exactly()
    {
        // 15·3 + 10·3 + … = 300 quarter-points → 75; post adds C1 +1 (15 quarter-points) → 78.75.
        int[] post = [4, 3, 3, 3, 3, 3, 3, 3, 3, 3];

        var score = AtusRubric.Score(Levels(AllThrees, post), RubricWeights.Default, 1);

        Assert.Equal(75m, score.Now);
        Assert.Equal(78.75m, score.Post);
    }

    [Fact]
    public void A_single_weight_point_at_level_1_is_a_quarter_point()
    {
        var weights = new RubricWeights { C1 = 1, C2 = 99, C3 = 0, C4 = 0, C5 = 0, C6 = 0, C7 = 0, C8 = 0, C9 = 0, C10 = 0 };

        var score = AtusRubric.Score(Levels([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [3, 0, 0, 0, 0, 0, 0, 0, 0, 0]), weights, 2);

        Assert.Equal(0.25m, score.Now);
        Assert.Equal(0.75m, score.Post);
    }

    [Fact]
    public void The_breakdown_lists_c1_to_c10_with_weight_levels_points_and_reason()
    {
        int[] now = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4];
        int[] post = [4, 3, 2, 1, 0, 4, 3, 2, 1, 0];

        var score = AtusRubric.Score(Levels(now, post), RubricWeights.Default, 1);

        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10"], score.Breakdown.Select(c => c.Criterion));
        Assert.Equal(RubricWeights.Default.ToArray(), score.Breakdown.Select(c => c.Weight));
        Assert.Equal(now, score.Breakdown.Select(c => c.LevelNow));
        Assert.Equal(post, score.Breakdown.Select(c => c.LevelPost));
        Assert.Equal(new CriterionScore("c1", 15, 0, 4, 0m, 15m, "reason 1"), score.Breakdown[0]);
        Assert.Equal(new CriterionScore("c2", 10, 1, 3, 2.5m, 7.5m, "reason 2"), score.Breakdown[1]);
        Assert.Equal(new CriterionScore("c4", 10, 3, 1, 7.5m, 2.5m, "reason 4"), score.Breakdown[3]);
        Assert.Equal(new CriterionScore("c5", 15, 4, 0, 15m, 0m, "reason 5"), score.Breakdown[4]);
        Assert.Equal(new CriterionScore("c9", 5, 3, 1, 3.75m, 1.25m, "reason 9"), score.Breakdown[8]);
    }

    [Fact]
    public void The_score_is_the_sum_of_the_breakdown_points()
    {
        var score = AtusRubric.Score(SurveyRecords.Valid(), Atus.Deadline, RubricWeights.Default, 1);

        Assert.Equal(score.Now, score.Breakdown.Sum(c => c.PointsNow));
        Assert.Equal(score.Post, score.Breakdown.Sum(c => c.PointsPost));
    }

    [Fact]
    public void The_valid_sample_record_scores_as_worked_out_by_hand()
    {
        // C1 digital csv + dictionary 4 · C2 partial 2, labeling → 3 · C3 50M time-series 3 · C4 statistical, documented 4
        // C5 restricted 2, open after → 3 · C6 kogl-type1 3 · C7 none, scan 4 · C8 0.02 → 2, cleansing → 3
        // C9 10 fields, no datasheet 3 · C10 monthly unversioned 3.
        var score = AtusRubric.Score(SurveyRecords.Valid(), Atus.Deadline, RubricWeights.Default, 1);

        Assert.Equal([4, 2, 3, 4, 2, 3, 4, 2, 3, 3], score.Breakdown.Select(c => c.LevelNow));
        Assert.Equal([4, 3, 3, 4, 3, 3, 4, 3, 3, 3], score.Breakdown.Select(c => c.LevelPost));
        Assert.Equal(75m, score.Now);
        Assert.Equal(83.75m, score.Post);
    }

    [Fact]
    public void The_score_names_its_rubric_version()
    {
        Assert.Equal(7, AtusRubric.Score(SurveyRecords.Valid(), Atus.Deadline, RubricWeights.Default, 7).RubricVersion);
    }

    [Fact]
    public void Weights_change_the_score_but_not_the_levels()
    {
        var levels = AtusRubric.Levels(SurveyRecords.Valid(), Atus.Deadline);
        var onlyVolume = new RubricWeights { C1 = 0, C2 = 0, C3 = 100, C4 = 0, C5 = 0, C6 = 0, C7 = 0, C8 = 0, C9 = 0, C10 = 0 };

        var score = AtusRubric.Score(levels, onlyVolume, 2);

        Assert.Equal(75m, score.Now);
        Assert.Equal(levels.Now, score.Breakdown.Select(c => c.LevelNow));
    }

    [Fact]
    public void Scoring_a_record_equals_scoring_its_levels()
    {
        var record = SurveyRecords.Valid();

        var direct = AtusRubric.Score(record, Atus.Deadline, RubricWeights.Default, 3);
        var viaLevels = AtusRubric.Score(AtusRubric.Levels(record, Atus.Deadline), RubricWeights.Default, 3);

        Assert.Equal((direct.Now, direct.Post, direct.Eligible), (viaLevels.Now, viaLevels.Post, viaLevels.Eligible));
        Assert.Equal(direct.Breakdown, viaLevels.Breakdown);
    }

    [Fact]
    public void Failed_gates_make_the_score_ineligible()
    {
        var score = AtusRubric.Score(Levels(AllThrees, AllThrees, "G2"), RubricWeights.Default, 1);

        Assert.False(score.Eligible);
        Assert.Equal(["G2"], score.FailedGates);
    }

    [Fact]
    public void Levels_for_other_than_ten_criteria_are_rejected()
    {
        var levels = new RubricLevels([1, 2], [1, 2], ["a", "b"], []);

        Assert.Throws<ArgumentException>(() => AtusRubric.Score(levels, RubricWeights.Default, 1));
    }

    [Fact]
    public void Quarter_points_are_the_weighted_sum_of_levels()
    {
        Assert.Equal(300, AtusRubric.QuarterPoints(AllThrees, RubricWeights.Default.ToArray()));
        Assert.Equal(400, AtusRubric.QuarterPoints([4, 4, 4, 4, 4, 4, 4, 4, 4, 4], RubricWeights.Default.ToArray()));
        Assert.Equal(15, AtusRubric.QuarterPoints([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], RubricWeights.Default.ToArray()));
    }

    [Fact]
    public void Quarter_points_are_four_times_the_score()
    {
        var levels = AtusRubric.Levels(SurveyRecords.Valid(), Atus.Deadline);
        var score = AtusRubric.Score(levels, RubricWeights.Default, 1);

        Assert.Equal(score.Now * 4, AtusRubric.QuarterPoints(levels.Now, RubricWeights.Default.ToArray()));
        Assert.Equal(score.Post * 4, AtusRubric.QuarterPoints(levels.Post, RubricWeights.Default.ToArray()));
    }

    [Fact]
    public void Quarter_points_need_as_many_weights_as_levels()
    {
        Assert.Throws<ArgumentException>(() => AtusRubric.QuarterPoints([1, 2, 3], [1, 2]));
    }
}
