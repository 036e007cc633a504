using System.Globalization;
using Census.Contracts.Provision;

namespace Census.Domain.Provision;

/// <summary>
/// The policy checks of an equivalence-class table's figures (provision.md §1): <c>k</c>, <c>l</c> and <c>t</c> (only
/// when the table declares a sensitive attribute) and <c>records-at-risk</c>. The evidence passes when every check does.
/// </summary>
public static class EquivalenceClassFigures
{
    /// <summary>Decimal places every ratio is rounded to, half away from zero.</summary>
    public const int Places = 6;

    public const string KCheck = "k";
    public const string LCheck = "l";
    public const string TCheck = "t";
    public const string RecordsAtRiskCheck = "records-at-risk";

    /// <summary>
    /// Judges the figures by the policy. <paramref name="exactT"/> is t before rounding: a distance of 0.2000001 must
    /// fail a threshold of 0.2 even though it is reported as 0.200000.
    /// </summary>
    public static StructuredEvidenceResult Judge(StructuredRiskFigures figures, Rational? exactT, DeidentificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(policy);
        var checks = new List<PolicyCheck>
        {
            figures.K >= policy.K
                ? new PolicyCheck(KCheck, figures.K, policy.K, true,
                    $"Every class has at least {N(policy.K)} records (the smallest has {N(figures.K)}).")
                : new PolicyCheck(KCheck, figures.K, policy.K, false,
                    $"The smallest class has {N(figures.K)} records, fewer than {N(policy.K)}; {N(figures.RecordsBelowK)} records are in classes that small."),
        };

        if (figures.L is { } l)
        {
            checks.Add(l >= policy.L
                ? new PolicyCheck(LCheck, l, policy.L, true,
                    $"Every class has at least {N(policy.L)} distinct values of each sensitive attribute (the fewest is {N(l)}).")
                : new PolicyCheck(LCheck, l, policy.L, false,
                    $"A class has only {N(l)} distinct values of a sensitive attribute; the policy needs {N(policy.L)}."));
        }

        if (figures.T is { } t && exactT is { } exact)
        {
            checks.Add(exact <= Rational.FromDecimal(policy.T)
                ? new PolicyCheck(TCheck, t, policy.T, true,
                    $"No class's sensitive distribution is farther than {D(policy.T)} from the whole table's (the farthest is {D(t)}).")
                : new PolicyCheck(TCheck, t, policy.T, false,
                    $"A class's sensitive distribution is {D(t)} from the whole table's, more than {D(policy.T)}."));
        }

        checks.Add(figures.RecordsAtRisk == 0
            ? new PolicyCheck(RecordsAtRiskCheck, 0, 0, true,
                $"No record is in a class small enough for a re-identification risk above {D(policy.R)}.")
            : new PolicyCheck(RecordsAtRiskCheck, figures.RecordsAtRisk, 0, false,
                $"{N(figures.RecordsAtRisk)} records are in classes whose re-identification risk 1/n is above {D(policy.R)}."));

        return new StructuredEvidenceResult(figures, checks, checks.TrueForAll(c => c.Passed));
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string D(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
