namespace Census.Domain.Rubric;

/// <summary>
/// Scores are multiples of 0.25 (Σ weight × level / 4 with whole weights and levels 0–4), so the
/// rubric, the solver and the reports count in quarter points — whole numbers that add and compare
/// exactly — and turn them into scores only at the edge. The conversion is spelled here once.
/// </summary>
public static class QuarterPoints
{
    /// <summary>The score of a number of quarter points (<c>7</c> → <c>1.75</c>).</summary>
    public static decimal ToScore(long quarterPoints) => quarterPoints / 4m;

    /// <summary>The quarter points of a score; throws for a score that is not a multiple of 0.25.</summary>
    public static int FromScore(decimal score)
    {
        var quarterPoints = score * 4m;
        return decimal.Truncate(quarterPoints) == quarterPoints
            ? checked((int)quarterPoints)
            : throw new ArgumentOutOfRangeException(nameof(score), score, "A score is a multiple of 0.25.");
    }
}
