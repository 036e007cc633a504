using Orleans.Concurrency;

namespace Census.Contracts.Provision;

/// <summary>
/// The versioned de-identification policy. One instance, key <see cref="Key"/>: read when evidence is judged (a few
/// times per case), written by admins; on no hot path.
/// </summary>
[Alias("census.IPolicyGrain")]
public interface IPolicyGrain : IGrainWithStringKey
{
    const string Key = "deidentification";

    /// <summary>The current version (version 1 is provision.md's defaults until an admin sets another).</summary>
    [Alias("Current"), ReadOnly]
    Task<DeidentificationPolicy> Current();

    /// <summary>Every version, oldest first.</summary>
    [Alias("Versions"), ReadOnly]
    Task<IReadOnlyList<DeidentificationPolicy>> Versions();

    /// <summary>Sets a new version from a validated definition.</summary>
    [Alias("Set")]
    Task<DeidentificationPolicy> Set(DeidentificationPolicyDefinition definition, string actor);
}
