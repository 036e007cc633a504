using Census.Contracts.Provision;
using Census.Domain.Provision;

namespace Census.Domain.Tests.Provision;

public class DeidentificationPoliciesTests
{
    private static DeidentificationPolicyDefinition Valid() => new() { K = 5, L = 2, T = 0.2m, R = 0.2m, MissRateThreshold = 0.005m };

    [Fact]
    public void The_default_policy_is_version_1_with_the_documented_thresholds() =>
        Assert.Equal(
            new DeidentificationPolicy(1, 5, 2, 0.2m, 0.2m, 0.005m, DateTimeOffset.UnixEpoch, "system"),
            DeidentificationPolicies.Default);

    [Fact]
    public void A_definition_within_the_bounds_is_valid() => Assert.Null(DeidentificationPolicies.Validate(Valid()));

    [Fact]
    public void The_edges_of_every_bound_are_valid() =>
        Assert.Null(DeidentificationPolicies.Validate(new() { K = 1000, L = 100, T = 0m, R = 1m, MissRateThreshold = 1m }));

    [Fact]
    public void No_definition_is_an_error() => Assert.Equal(["$"], Keys(DeidentificationPolicies.Validate(null)));

    public static TheoryData<DeidentificationPolicyDefinition, string> Invalid() => new()
    {
        { Valid() with { K = 1 }, "k" },
        { Valid() with { K = 1001 }, "k" },
        { Valid() with { K = null }, "k" },
        { Valid() with { L = 0 }, "l" },
        { Valid() with { L = 101 }, "l" },
        { Valid() with { T = 1.01m }, "t" },
        { Valid() with { T = -0.1m }, "t" },
        { Valid() with { R = 0m }, "r" },
        { Valid() with { R = 1.5m }, "r" },
        { Valid() with { MissRateThreshold = -0.001m }, "missRateThreshold" },
        { Valid() with { MissRateThreshold = null }, "missRateThreshold" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_value_out_of_bounds_is_an_error_at_its_path(DeidentificationPolicyDefinition definition, string path) =>
        Assert.Equal([path], Keys(DeidentificationPolicies.Validate(definition)));

    private static IEnumerable<string> Keys(ValidationErrors? errors) => errors?.ToDictionary().Keys ?? [];
}
