using Census.Contracts.Provision;
using Census.Domain.Provision;

namespace Census.Domain.Tests.Provision;

public class EquivalenceClassFiguresTests
{
    private static readonly SensitiveAttribute Diagnosis = new("diagnosis", ["flu", "cold"]);

    // N = 10, C = 3; A = (flu 7, cold 3), so p_all = (0.7, 0.3).
    //   20s: n 3, (1, 2): ½(|1/3 − 7/10| + |2/3 − 3/10|) = ½(11/30 + 11/30) = 11/30 ≈ 0.366667
    //   30s: n 5, (5, 0): ½(|1 − 0.7| + |0 − 0.3|) = 0.3            (one distinct value: l = 1)
    //   40s: n 2, (1, 1): ½(0.2 + 0.2) = 0.2
    // k = 2; below k 5: classes of 3 and 2, 5 records, 0.5; highest 1/2; average = marketer = 3/10.
    // r 0.2: 1/n > 1/5 ⇔ n < 5: the classes of 3 and 2 again, 5 records (n = 5 is exactly 0.2, not at risk).
    internal static ClassTable Failing() => ClassTable.Of(["age"], [Diagnosis],
        TableClass.Of("20s", 3, 1, 2), TableClass.Of("30s", 5, 5, 0), TableClass.Of("40s", 2, 1, 1));

    // N = 10, A = (5, 5): each class is ½(0.1 + 0.1) = 0.1 from p_all; k 5, l 2, nobody at risk.
    internal static ClassTable Passing() => ClassTable.Of(["age"], [Diagnosis],
        TableClass.Of("a", 5, 3, 2), TableClass.Of("b", 5, 2, 3));

    [Fact]
    public void The_figures_of_a_hand_worked_table_are_exact()
    {
        var figures = Failing().Accumulate().Figures(DeidentificationPolicies.Default);

        Assert.Equal(10, figures.Records);
        Assert.Equal(3, figures.Classes);
        Assert.Equal(2, figures.K);
        Assert.Equal(5, figures.RecordsBelowK);
        Assert.Equal(0.5m, figures.RecordsBelowKShare);
        Assert.Equal(1, figures.L);
        Assert.Equal(0.366667m, figures.T);
        Assert.Equal(0.5m, figures.ProsecutorHighest);
        Assert.Equal(0.3m, figures.ProsecutorAverage);
        Assert.Equal(5, figures.RecordsAtRisk);
        Assert.Equal(0.5m, figures.RecordsAtRiskShare);
        Assert.Equal(0.3m, figures.MarketerRisk);
        Assert.Equal(["age"], figures.QuasiIdentifiers);
        Assert.Equal(["diagnosis"], figures.SensitiveAttributes);
    }

    [Fact]
    public void Every_check_of_a_failing_table_fails_with_its_figure_and_threshold()
    {
        var result = Failing().Accumulate().Evaluate(DeidentificationPolicies.Default);

        Assert.False(result.Passed);
        Assert.Equal(["k", "l", "t", "records-at-risk"], result.Checks.Select(c => c.Check));
        Assert.All(result.Checks, c => Assert.False(c.Passed));
        Assert.Equal((2m, 5m), (result.Checks[0].Value, result.Checks[0].Threshold));
        Assert.Equal((1m, 2m), (result.Checks[1].Value, result.Checks[1].Threshold));
        Assert.Equal((0.366667m, 0.2m), (result.Checks[2].Value, result.Checks[2].Threshold));
        Assert.Equal((5m, 0m), (result.Checks[3].Value, result.Checks[3].Threshold));
    }

    [Fact]
    public void A_table_within_every_threshold_passes()
    {
        var result = Passing().Accumulate().Evaluate(DeidentificationPolicies.Default);

        Assert.True(result.Passed);
        Assert.Equal(0.1m, result.Figures.T);
        Assert.All(result.Checks, c => Assert.True(c.Passed, c.Reason));
    }

    [Fact]
    public void A_table_without_sensitive_attributes_has_no_l_or_t_and_no_second_pass()
    {
        var accumulator = new EquivalenceClassAccumulator(["age"], []);
        accumulator.Add(1, ["20s"], 6, []);
        accumulator.Add(2, ["30s"], 9, []);

        Assert.False(accumulator.NeedsSecondPass);
        var result = accumulator.Evaluate(DeidentificationPolicies.Default);
        Assert.Null(result.Figures.L);
        Assert.Null(result.Figures.T);
        Assert.Equal(["k", "records-at-risk"], result.Checks.Select(c => c.Check));
        Assert.True(result.Passed);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void A_class_is_at_risk_when_one_over_its_size_exceeds_r_exactly(long size, bool atRisk)
    {
        // r = 0.3: 1/3 > 0.3 but 1/4 = 0.25 is not.
        var accumulator = new EquivalenceClassAccumulator(["age"], []);
        accumulator.Add(1, ["20s"], size, []);

        var figures = accumulator.Figures(DeidentificationPolicies.Default with { R = 0.3m });

        Assert.Equal(atRisk ? size : 0, figures.RecordsAtRisk);
    }

    [Fact]
    public void T_is_judged_on_its_exact_value_not_the_rounded_one()
    {
        var figures = Passing().Accumulate().Figures(DeidentificationPolicies.Default) with { T = 0.2m };

        var above = EquivalenceClassFigures.Judge(figures, new Rational(2_000_001, 10_000_000), DeidentificationPolicies.Default);
        var equal = EquivalenceClassFigures.Judge(figures, new Rational(1, 5), DeidentificationPolicies.Default);

        Assert.False(above.Checks.Single(c => c.Check == "t").Passed);
        Assert.True(equal.Checks.Single(c => c.Check == "t").Passed);
    }

    [Fact]
    public void A_second_pass_that_reads_fewer_classes_is_refused()
    {
        var accumulator = new EquivalenceClassAccumulator(["age"], [Diagnosis]);
        accumulator.Add(1, ["a"], 5, [3, 2]);
        accumulator.Add(2, ["b"], 5, [2, 3]);
        accumulator.BeginSecondPass();
        accumulator.AddSecondPass(5, [3, 2]);

        Assert.Throws<InvalidOperationException>(() => accumulator.Figures(DeidentificationPolicies.Default));
    }

    [Fact]
    public void Values_that_join_to_the_same_text_are_different_classes()
    {
        var accumulator = new EquivalenceClassAccumulator(["a", "b"], []);
        accumulator.Add(1, ["x", "yz"], 5, []);
        accumulator.Add(2, ["xy", "z"], 5, []);

        Assert.Equal(2, accumulator.Figures(DeidentificationPolicies.Default).Classes);
    }
}
