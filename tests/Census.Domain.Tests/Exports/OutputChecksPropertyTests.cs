using System.Numerics;
using Census.Contracts.Exports;
using Census.Domain.Exports;

namespace Census.Domain.Tests.Exports;

/// <summary>
/// The checks against a naive restatement of provision.md on seeded random tables: a count fails when 1 ≤ n ≤ 9; a
/// magnitude cell fails when (largest + second) / total ≥ 9/10, stated on whole numbers of one generated scale. The
/// decimals handed to the checks are written at varied scales (trailing zeros), so the checks' own scaling is exercised.
/// </summary>
public sealed class OutputChecksPropertyTests
{
    private const int Tables = 2000;

    [Fact]
    public void The_checks_agree_with_the_naive_rule_on_random_tables()
    {
        var random = new Random(14);
        for (var t = 0; t < Tables; t++)
        {
            var expected = new List<(int Index, CellFindingKind Kind)>();
            var cells = new List<ExportCell>();
            var size = random.Next(1, 12);
            for (var i = 0; i < size; i++)
            {
                var count = random.Next(0, 3) == 0 ? random.Next(0, 12) : random.Next(0, 40);
                if (count == 0)
                {
                    expected.Add((i, CellFindingKind.Zero));
                }
                else if (count < 10)
                {
                    expected.Add((i, CellFindingKind.BelowThreshold));
                }

                if (random.Next(0, 2) == 0)
                {
                    cells.Add(new ExportCell($"c{i}", count, null, null, null));
                    continue;
                }

                // Whole numbers at one scale s: value = n / 10^s.
                var scale = random.Next(0, 6);
                var total = (long)random.Next(0, 4) == 0 ? random.Next(0, 3) : random.NextInt64(1, 1_000_000);
                var largest = total == 0 ? 0 : random.NextInt64(0, total + 1);
                var second = total == 0 ? 0 : random.NextInt64(0, Math.Min(largest, total - largest) + 1);
                if (random.Next(0, 4) == 0 && total > 0)
                {
                    // Land on the boundary: largest + second = 90% of total when 10 divides it.
                    total = (total / 10 + 1) * 10;
                    second = total * 9 / 10 / 2;
                    largest = total * 9 / 10 - second;
                }

                if (total == 0)
                {
                    expected.Add((i, CellFindingKind.ZeroTotal));
                }
                else if (10 * ((BigInteger)largest + second) >= 9 * (BigInteger)total)
                {
                    expected.Add((i, CellFindingKind.Dominance));
                }

                cells.Add(new ExportCell($"c{i}", count, At(largest, scale, random), At(second, scale, random), At(total, scale, random)));
            }

            var check = OutputChecks.Check(new ExportFile("t.csv", ExportFileType.Table, new string('a', 64), 1, cells));

            Assert.Equal(expected, check.Findings.Select(f => (f.Index, f.Kind)));
            var fails = expected.Any(e => e.Kind is CellFindingKind.BelowThreshold or CellFindingKind.Dominance);
            Assert.Equal(fails ? CheckOutcome.Fail : CheckOutcome.Pass, check.Outcome);
        }
    }

    [Fact]
    public void A_mutated_threshold_or_share_would_be_caught()
    {
        Assert.True(OutputChecks.BelowThreshold(9));
        Assert.False(OutputChecks.BelowThreshold(10));
        Assert.False(OutputChecks.BelowThreshold(0));
        Assert.True(OutputChecks.Dominated(90, 0, 100));
        Assert.False(OutputChecks.Dominated(89, 0, 100));
    }

    /// <summary>n / 10^scale as a decimal, sometimes written with extra trailing zeros (a larger scale, the same value).</summary>
    private static decimal At(long n, int scale, Random random)
    {
        var value = n / (decimal)Math.Pow(10, scale);
        return random.Next(0, 2) == 0 ? value * 1.000m : value;
    }
}
