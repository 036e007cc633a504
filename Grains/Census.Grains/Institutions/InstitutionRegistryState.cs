using Census.Contracts.Institutions;

namespace Census.Grains.Institutions;

/// <summary>The durable state of the institution registry: every institution by id.</summary>
[GenerateSerializer, Alias("census.InstitutionRegistryState")]
public sealed class InstitutionRegistryState
{
    [Id(0)] public Dictionary<string, Institution> Institutions { get; set; } = [];
}
