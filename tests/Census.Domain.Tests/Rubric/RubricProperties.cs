using Census.Contracts.Surveys;
using Census.Domain.Rubric;
using Census.Domain.Surveys;
using FsCheck.Xunit;

namespace Census.Domain.Tests.Rubric;

/// <summary>What rubric.md guarantees for every valid record and every valid set of weights.</summary>
[Properties(Arbitrary = [typeof(RubricArbitraries)], MaxTest = 500)]
public sealed class RubricProperties
{
    private const int C5 = 4;

    // C3, C4, C6, C9, C10 have no post rule.
    private static readonly int[] Unprocessed = [2, 3, 5, 8, 9];

    [Property]
    public bool Generated_records_are_valid(SurveyRecord record) => SurveyRecordRules.Validate(record).IsValid;

    [Property]
    public bool Generated_weights_are_valid(RubricWeights weights) => RubricWeightsRules.Validate(weights, "weights").IsValid;

    [Property]
    public bool Every_level_is_between_0_and_4(SurveyRecord record)
    {
        var levels = AtusRubric.Levels(record, Atus.Deadline);

        return levels.Now.Count == 10 && levels.Post.Count == 10
            && levels.Now.Concat(levels.Post).All(l => l is >= 0 and <= 4);
    }

    [Property]
    public bool Scores_lie_in_0_to_100_as_multiples_of_a_quarter(SurveyRecord record, RubricWeights weights)
    {
        var score = AtusRubric.Score(record, Atus.Deadline, weights, 1);

        return new[] { score.Now, score.Post }.All(s => s is >= 0m and <= 100m && decimal.Remainder(s * 4, 1m) == 0m);
    }

    [Property]
    public bool Scores_are_the_quarter_points_over_4(SurveyRecord record, RubricWeights weights)
    {
        var levels = AtusRubric.Levels(record, Atus.Deadline);
        var score = AtusRubric.Score(levels, weights, 1);

        return score.Now * 4 == AtusRubric.QuarterPoints(levels.Now, weights.ToArray())
            && score.Post * 4 == AtusRubric.QuarterPoints(levels.Post, weights.ToArray())
            && score.Now == score.Breakdown.Sum(c => c.PointsNow)
            && score.Post == score.Breakdown.Sum(c => c.PointsPost);
    }

    // Post ≥ now overall is not promised: C5 post comes from availability.afterProcessing and can drop.
    [Property]
    public bool Processing_never_lowers_a_criterion_other_than_availability(SurveyRecord record)
    {
        var levels = AtusRubric.Levels(record, Atus.Deadline);

        return Enumerable.Range(0, 10).Where(i => i != C5).All(i => levels.Post[i] >= levels.Now[i]);
    }

    [Property]
    public bool Volume_purpose_license_documentation_and_timeliness_do_not_change_after_processing(SurveyRecord record)
    {
        var levels = AtusRubric.Levels(record, Atus.Deadline);

        return Unprocessed.All(i => levels.Post[i] == levels.Now[i]);
    }

    [Property]
    public bool Without_a_plan_only_availability_can_differ_after_processing(SurveyRecord record)
    {
        var levels = AtusRubric.Levels(record with { ProcessingPlan = [] }, Atus.Deadline);

        return Enumerable.Range(0, 10).Where(i => i != C5).All(i => levels.Post[i] == levels.Now[i]);
    }

    [Property]
    public bool The_order_of_the_plan_does_not_matter(SurveyRecord record)
    {
        var reversed = record with { ProcessingPlan = record.ProcessingPlan?.Reverse().ToArray() };

        var a = AtusRubric.Levels(record, Atus.Deadline);
        var b = AtusRubric.Levels(reversed, Atus.Deadline);

        return a.Now.SequenceEqual(b.Now) && a.Post.SequenceEqual(b.Post) && a.Reasons.SequenceEqual(b.Reasons);
    }

    [Property]
    public bool Eligibility_is_passing_every_gate_and_gates_are_listed_in_order(SurveyRecord record)
    {
        var score = AtusRubric.Score(record, Atus.Deadline, RubricWeights.Default, 1);
        string[] expected =
        [
            .. record.LawfulToProvide == true ? Array.Empty<string>() : ["G1"],
            .. record.License == License.Unknown ? ["G2"] : Array.Empty<string>(),
            .. record.Availability!.AfterProcessing == AvailabilityScope.NotProvidable ? ["G3"] : Array.Empty<string>(),
        ];

        return score.FailedGates.SequenceEqual(expected) && score.Eligible == (expected.Length == 0);
    }

    [Property]
    public bool Every_reason_is_one_line_ending_in_its_levels(SurveyRecord record)
    {
        var levels = AtusRubric.Levels(record, Atus.Deadline);

        return Enumerable.Range(0, 10).All(i =>
        {
            var reason = levels.Reasons[i];
            var tail = levels.Now[i] == levels.Post[i] ? $": level {levels.Now[i]}" : $": level {levels.Now[i]}, post {levels.Post[i]}";
            return !reason.Contains('\n', StringComparison.Ordinal) && reason.Contains(tail, StringComparison.Ordinal);
        });
    }

    [Property]
    public bool Levels_are_deterministic(SurveyRecord record)
    {
        var a = AtusRubric.Levels(record, Atus.Deadline);
        var b = AtusRubric.Levels(record, Atus.Deadline);

        return a.Now.SequenceEqual(b.Now) && a.Post.SequenceEqual(b.Post) && a.Reasons.SequenceEqual(b.Reasons)
            && a.FailedGates.SequenceEqual(b.FailedGates);
    }
}
