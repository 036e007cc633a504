using Census.Contracts.Provision;
using Census.Contracts.Surveys;

namespace Census.Domain.Provision;

/// <summary>
/// Promised against delivered (provision.md §1): a selected dataset was chosen on its <c>post</c> score — what it
/// would be after the processing it promised — and its processed record is scored on what it is <c>now</c>.
/// </summary>
public static class PromiseGaps
{
    public const int Places = 2;

    /// <summary>
    /// The gap per criterion (delivered − promised), in the scores' criterion order. Both scores must list the same
    /// criteria in the same order (the same rubric version does).
    /// </summary>
    public static PromiseGap Compute(Score promised, Score delivered)
    {
        ArgumentNullException.ThrowIfNull(promised);
        ArgumentNullException.ThrowIfNull(delivered);
        if (promised.Breakdown.Count != delivered.Breakdown.Count)
        {
            throw new ArgumentException("The promised and delivered scores have different criteria.", nameof(delivered));
        }

        var criteria = new List<CriterionGap>(promised.Breakdown.Count);
        for (var i = 0; i < promised.Breakdown.Count; i++)
        {
            var before = promised.Breakdown[i];
            var after = delivered.Breakdown[i];
            if (!string.Equals(before.Criterion, after.Criterion, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Criterion {i + 1} is '{before.Criterion}' in the promised score and '{after.Criterion}' in the delivered one.", nameof(delivered));
            }

            criteria.Add(new CriterionGap(before.Criterion, before.LevelPost, after.LevelNow, before.PointsPost, after.PointsNow,
                after.PointsNow - before.PointsPost));
        }

        return new PromiseGap(promised.Post, delivered.Now, delivered.Now - promised.Post, criteria);
    }

    /// <summary>
    /// Average gaps per key (an institution, a sector), ordered by key. Averages are exact (sum over count as a
    /// fraction) and then rounded half away from zero to 2 places; criteria appear in the first gap's order.
    /// </summary>
    public static IReadOnlyList<PromiseGapSummary> Summarize(IEnumerable<(string Key, PromiseGap Gap)> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        return [.. gaps
            .GroupBy(g => g.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summary(g.Key, [.. g.Select(x => x.Gap)]))];
    }

    private static PromiseGapSummary Summary(string key, IReadOnlyList<PromiseGap> gaps)
    {
        var names = gaps[0].Criteria.Select(c => c.Criterion).ToList();
        var criteria = names.Select(name => new CriterionAverage(name, Average(gaps
            .Select(g => g.Criteria.FirstOrDefault(c => string.Equals(c.Criterion, name, StringComparison.Ordinal)))
            .Where(c => c is not null)
            .Select(c => c!.Gap)
            .ToList()))).ToList();
        return new PromiseGapSummary(key, gaps.Count, Average([.. gaps.Select(g => g.Gap)]), criteria);
    }

    private static decimal Average(List<decimal> values)
    {
        if (values.Count == 0)
        {
            return 0m;
        }

        var sum = Rational.Zero;
        foreach (var value in values)
        {
            var v = Rational.FromDecimal(value);
            sum = new Rational((sum.Numerator * v.Denominator) + (v.Numerator * sum.Denominator), sum.Denominator * v.Denominator);
        }

        return new Rational(sum.Numerator, sum.Denominator * values.Count).ToDecimal(Places);
    }
}
