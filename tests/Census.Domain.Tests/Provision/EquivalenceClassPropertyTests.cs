using Census.Contracts.Provision;
using Census.Domain.Provision;

namespace Census.Domain.Tests.Provision;

/// <summary>The streaming accumulator against the naive expanded-records reading, on hundreds of seeded random tables.</summary>
public class EquivalenceClassPropertyTests
{
    public static TheoryData<int> Shapes() => [.. Enum.GetValues<RandomTables.Shape>().Select(s => (int)s)];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_streaming_figures_equal_the_naive_ones_exactly(int shapeIndex)
    {
        var shape = (RandomTables.Shape)shapeIndex;
        var random = new Random(1300 + (int)shape);
        for (var i = 0; i < 120; i++)
        {
            var table = RandomTables.Next(random, shape);
            var policy = DeidentificationPolicies.Default with { K = random.Next(2, 12), R = RandomTables.NextR(random), T = random.Next(0, 6) / 10m };
            var expected = NaiveRiskFigures.Of(table, policy.K, policy.R);

            var result = table.Accumulate().Evaluate(policy);

            var f = result.Figures;
            var context = $"{shape} table {i}";
            Assert.True(expected.Records == f.Records, context);
            Assert.True(expected.Classes == f.Classes, context);
            Assert.True(expected.K == f.K, context);
            Assert.True(expected.RecordsBelowK == f.RecordsBelowK, context);
            Assert.True(expected.RecordsBelowKShare == f.RecordsBelowKShare, context);
            Assert.True(expected.L == f.L, context);
            Assert.True(expected.T == f.T, $"{context}: t {expected.T} vs {f.T}");
            Assert.True(expected.ProsecutorHighest == f.ProsecutorHighest, context);
            Assert.True(expected.ProsecutorAverage == f.ProsecutorAverage, context);
            Assert.True(expected.RecordsAtRisk == f.RecordsAtRisk, $"{context}: at risk {expected.RecordsAtRisk} vs {f.RecordsAtRisk} (r {policy.R})");
            Assert.True(expected.RecordsAtRiskShare == f.RecordsAtRiskShare, context);
            Assert.True(expected.MarketerRisk == f.MarketerRisk, context);

            var tPassed = expected.ExactT is not { } t || t.Num * 10_000 <= (long)(policy.T * 10_000) * t.Den;
            var expectedPass = f.K >= policy.K && (expected.L is null || expected.L >= policy.L) && tPassed && expected.RecordsAtRisk == 0;
            Assert.True(expectedPass == result.Passed, context);
        }
    }

    [Fact]
    public void The_order_of_the_classes_does_not_change_the_figures()
    {
        var random = new Random(13);
        for (var i = 0; i < 100; i++)
        {
            var table = RandomTables.Next(random, RandomTables.Shape.Mixed);
            var shuffled = table with { Classes = [.. table.Classes.OrderBy(_ => random.Next())] };

            var a = table.Accumulate().Figures(DeidentificationPolicies.Default);
            var b = shuffled.Accumulate().Figures(DeidentificationPolicies.Default);

            Assert.Equal(Comparable(a), Comparable(b));
        }
    }

    internal static string Comparable(StructuredRiskFigures f) => string.Join("|",
        f.Records, f.Classes, f.K, f.RecordsBelowK, f.RecordsBelowKShare, f.L, f.T, f.ProsecutorHighest, f.ProsecutorAverage,
        f.RecordsAtRisk, f.RecordsAtRiskShare, f.MarketerRisk, string.Join(",", f.QuasiIdentifiers), string.Join(",", f.SensitiveAttributes));
}
