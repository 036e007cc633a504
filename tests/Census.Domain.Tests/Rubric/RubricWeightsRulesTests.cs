using Census.Contracts.Surveys;
using Census.Domain.Rubric;

namespace Census.Domain.Tests.Rubric;

public sealed class RubricWeightsRulesTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(RubricWeights? weights, string prefix)
    {
        var errors = RubricWeightsRules.Validate(weights, prefix);
        Assert.False(errors.IsValid);
        return errors.ToDictionary();
    }

    [Theory]
    [InlineData("weights")]
    [InlineData("")]
    public void The_default_weights_are_valid(string prefix)
    {
        Assert.True(RubricWeightsRules.Validate(RubricWeights.Default, prefix).IsValid);
    }

    [Fact]
    public void The_default_weights_are_those_of_the_rubric()
    {
        Assert.Equal([15, 10, 10, 10, 15, 10, 10, 10, 5, 5], RubricWeights.Default.ToArray());
    }

    [Fact]
    public void All_weight_on_one_criterion_is_valid()
    {
        var weights = new RubricWeights { C1 = 0, C2 = 0, C3 = 0, C4 = 0, C5 = 0, C6 = 0, C7 = 0, C8 = 0, C9 = 0, C10 = 100 };

        Assert.True(RubricWeightsRules.Validate(weights, "weights").IsValid);
    }

    [Theory]
    [InlineData("weights", "weights")]
    [InlineData("", "$")]
    public void Missing_weights_are_required_at_the_prefix(string prefix, string path)
    {
        var errors = ErrorsOf(null, prefix);

        Assert.Equal([path], errors.Keys);
        Assert.Equal(["is required."], errors[path]);
    }

    [Theory]
    [InlineData("weights", "weights.c3")]
    [InlineData("", "c3")]
    public void A_missing_weight_is_required_and_the_sum_is_not_checked(string prefix, string path)
    {
        var errors = ErrorsOf(RubricWeights.Default with { C3 = null }, prefix);

        Assert.Equal([path], errors.Keys);
        Assert.Equal(["is required."], errors[path]);
    }

    [Fact]
    public void Every_missing_weight_is_reported()
    {
        var errors = ErrorsOf(new RubricWeights(), "weights");

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"weights.c{i}"), errors.Keys);
    }

    [Theory]
    [InlineData("weights", "weights.c1")]
    [InlineData("", "c1")]
    public void A_negative_weight_is_an_error_at_its_path(string prefix, string path)
    {
        // -5 + 20 keeps the sum at 100, so only the sign is wrong.
        var errors = ErrorsOf(RubricWeights.Default with { C1 = -5, C5 = 35 }, prefix);

        Assert.Equal([path], errors.Keys);
        Assert.Equal(["must be 0 or more."], errors[path]);
    }

    [Theory]
    [InlineData("weights", "weights", 99)]
    [InlineData("weights", "weights", 101)]
    [InlineData("", "$", 99)]
    [InlineData("", "$", 0)]
    public void Weights_not_summing_to_100_are_an_error_at_the_prefix(string prefix, string path, int sum)
    {
        var weights = new RubricWeights { C1 = sum, C2 = 0, C3 = 0, C4 = 0, C5 = 0, C6 = 0, C7 = 0, C8 = 0, C9 = 0, C10 = 0 };

        var errors = ErrorsOf(weights, prefix);

        Assert.Equal([path], errors.Keys);
        Assert.Equal([$"must sum to 100 (got {sum})."], errors[path]);
    }

    [Fact]
    public void Huge_weights_are_summed_without_overflow()
    {
        var errors = ErrorsOf(RubricWeights.Default with { C1 = int.MaxValue, C2 = int.MaxValue }, "weights");

        Assert.Equal(["weights"], errors.Keys);
        Assert.Equal([$"must sum to 100 (got {(2L * int.MaxValue) + 75})."], errors["weights"]);
    }
}
