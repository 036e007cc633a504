using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Provision;

/// <summary>
/// The thresholds de-identification evidence is judged by (provision.md §1). Versioned: an admin sets a new version,
/// and every evidence evaluation records the version it was judged under.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.DeidentificationPolicy")]
public sealed record DeidentificationPolicy(
    [property: Id(0)] int Version,
    [property: Id(1)] int K,
    [property: Id(2)] int L,
    [property: Id(3)] decimal T,
    [property: Id(4)] decimal R,
    [property: Id(5)] decimal MissRateThreshold,
    [property: Id(6)] DateTimeOffset SetAt,
    [property: Id(7)] string SetBy);

/// <summary>An admin's new policy version (the body of <c>PUT /api/v1/provision/policy</c>).</summary>
[GenerateSerializer, Immutable, Alias("census.DeidentificationPolicyDefinition")]
public sealed record DeidentificationPolicyDefinition
{
    /// <summary>k_policy: smallest class size allowed (≥ 2).</summary>
    [Id(0), Required] public int? K { get; init; }

    /// <summary>l_policy: distinct sensitive values required in every class when a sensitive attribute is declared (≥ 1).</summary>
    [Id(1), Required] public int? L { get; init; }

    /// <summary>t_policy: the largest t-closeness distance allowed, 0..1.</summary>
    [Id(2), Required] public decimal? T { get; init; }

    /// <summary>r_policy: a class is at risk when 1/n_i exceeds it, 0..1 exclusive of 0.</summary>
    [Id(3), Required] public decimal? R { get; init; }

    /// <summary>The largest Wilson upper bound of a sampled miss rate that passes, 0..1.</summary>
    [Id(4), Required] public decimal? MissRateThreshold { get; init; }
}
