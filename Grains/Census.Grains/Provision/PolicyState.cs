using Census.Contracts.Provision;

namespace Census.Grains.Provision;

[GenerateSerializer, Alias("census.PolicyState")]
public sealed class PolicyState
{
    /// <summary>Versions set by admins, oldest first; empty means only the defaults (version 1).</summary>
    [Id(0)] public List<DeidentificationPolicy> Versions { get; set; } = [];
}
