using Census.Contracts.Access;

namespace Census.Grains.Access;

[GenerateSerializer, Alias("census.OrganisationState")]
public sealed class OrganisationState
{
    [Id(0)] public Organisation? Organisation { get; set; }
}
