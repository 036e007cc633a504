using Census.Contracts.Principals;

namespace Census.Grains.Principals;

[GenerateSerializer, Alias("census.PrincipalRegistryState")]
public sealed class PrincipalRegistryState
{
    [Id(0)] public Dictionary<string, Principal> Principals { get; set; } = [];
}
