using System.Globalization;
using Census.Contracts.Surveys;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class C8MeasuredQualityTests
{
    private static SurveyRecord Record(bool assessed, string? errorRate, bool verified, params ProcessingStep[] plan) =>
        SurveyRecords.Valid() with
        {
            Quality = new SurveyQuality
            {
                Assessed = assessed,
                ErrorRate = errorRate is null ? null : decimal.Parse(errorRate, CultureInfo.InvariantCulture),
                Verified = verified,
            },
            ProcessingPlan = plan,
        };

    [Theory]
    [InlineData(null, false)]
    [InlineData("0", true)]
    [InlineData("0.5", true)]
    public void Unassessed_quality_is_level_0_whatever_the_rate(string? errorRate, bool verified)
    {
        Assert.Equal(0, Atus.Now(Record(assessed: false, errorRate, verified), 8));
    }

    [Theory]
    [InlineData("1", false, 1)]
    [InlineData("0.0501", true, 1)]
    [InlineData("0.05000001", true, 1)]
    [InlineData("0.05", true, 2)]
    [InlineData("0.05", false, 2)]
    [InlineData("0.0101", true, 2)]
    [InlineData("0.01000001", false, 2)]
    [InlineData("0.01", false, 3)]
    [InlineData("0.01", true, 4)]
    [InlineData("0.009", false, 3)]
    [InlineData("0", false, 3)]
    [InlineData("0", true, 4)]
    public void The_quality_level_follows_the_error_rate_thresholds(string errorRate, bool verified, int level)
    {
        Assert.Equal(level, Atus.Now(Record(assessed: true, errorRate, verified), 8));
    }

    [Theory]
    [InlineData(false, null, false, 0, 3)]
    [InlineData(true, "0.2", false, 1, 3)]
    [InlineData(true, "0.03", false, 2, 3)]
    [InlineData(true, "0.01", false, 3, 3)]
    [InlineData(true, "0.01", true, 4, 4)]
    public void Cleansing_raises_post_to_at_least_3(bool assessed, string? errorRate, bool verified, int now, int post)
    {
        Assert.Equal((now, post), Atus.Criterion(Record(assessed, errorRate, verified, ProcessingStep.Cleansing), 8));
    }

    [Theory]
    [InlineData(false, null, false, 0, 1)]
    [InlineData(true, "0.2", false, 1, 2)]
    [InlineData(true, "0.03", false, 2, 3)]
    [InlineData(true, "0.01", false, 3, 4)]
    [InlineData(true, "0.01", true, 4, 4)]
    public void Quality_verification_adds_one_level_up_to_4(bool assessed, string? errorRate, bool verified, int now, int post)
    {
        Assert.Equal((now, post), Atus.Criterion(Record(assessed, errorRate, verified, ProcessingStep.QualityVerification), 8));
    }

    [Theory]
    [InlineData(false, null, false, 0)]
    [InlineData(true, "0.2", false, 1)]
    [InlineData(true, "0.03", false, 2)]
    [InlineData(true, "0.01", false, 3)]
    [InlineData(true, "0.01", true, 4)]
    public void Cleansing_then_quality_verification_reaches_4_from_any_level(bool assessed, string? errorRate, bool verified, int now)
    {
        Assert.Equal((now, 4), Atus.Criterion(Record(assessed, errorRate, verified, ProcessingStep.Cleansing, ProcessingStep.QualityVerification), 8));
    }

    // Verification first would give max(0 + 1, 3) = 3; the rubric applies cleansing first whatever the listed order.
    [Fact]
    public void Cleansing_applies_before_quality_verification_even_when_listed_after_it()
    {
        Assert.Equal((0, 4), Atus.Criterion(Record(false, null, false, ProcessingStep.QualityVerification, ProcessingStep.Cleansing), 8));
    }

    [Fact]
    public void Without_cleansing_or_verification_post_is_now()
    {
        Assert.Equal((2, 2), Atus.Criterion(Record(true, "0.03", false, ProcessingStep.Labeling, ProcessingStep.DeIdentification, ProcessingStep.FormatConversion), 8));
    }

    [Fact]
    public void The_reason_names_the_rate_and_the_steps_that_raised_post()
    {
        Assert.Equal(
            "error rate 0.03, at most 0.05: level 2, post 4 by cleansing, quality-verification",
            Atus.Reason(Record(true, "0.03", false, ProcessingStep.QualityVerification, ProcessingStep.Cleansing), 8));
    }

    [Fact]
    public void The_reason_names_only_the_steps_that_changed_the_level()
    {
        Assert.Equal(
            "error rate 0.01, at most 0.01, not verified: level 3, post 4 by quality-verification",
            Atus.Reason(Record(true, "0.01", false, ProcessingStep.Cleansing, ProcessingStep.QualityVerification), 8));
    }
}
