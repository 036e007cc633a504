using Census.Contracts.Principals;
using Census.Grains.Institutions;

namespace Census.Grains.Principals;

/// <summary>The durable state of one principal.</summary>
[GenerateSerializer, Alias("census.PrincipalState")]
public sealed class PrincipalState
{
    [Id(0)] public Principal? Principal { get; set; }
    [Id(1)] public string? CreatedBy { get; set; }
    [Id(2)] public Dictionary<string, ApiKeyRecord> ApiKeys { get; set; } = [];

    /// <summary>True once the registry has this principal; false means a listing is owed.</summary>
    [Id(3)] public bool Listed { get; set; }
}
