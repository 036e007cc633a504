using Census.Domain.Rubric;

namespace Census.Domain.Tests.Rubric;

public sealed class QuarterPointsTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "0.25")]
    [InlineData(7, "1.75")]
    [InlineData(400, "100")]
    public void Quarter_points_and_scores_convert_both_ways_exactly(int quarterPoints, string score)
    {
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), QuarterPoints.ToScore(quarterPoints));
        Assert.Equal(quarterPoints, QuarterPoints.FromScore(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_score_that_is_not_a_multiple_of_a_quarter_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuarterPoints.FromScore(1.1m));
    }
}
