using Census.Contracts.Access;

namespace Census.Grains.Access;

[GenerateSerializer, Alias("census.OrganisationRegistryState")]
public sealed class OrganisationRegistryState
{
    [Id(0)] public Dictionary<string, Organisation> Organisations { get; set; } = [];
}
