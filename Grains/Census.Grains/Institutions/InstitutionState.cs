using Census.Contracts.Institutions;

namespace Census.Grains.Institutions;

/// <summary>The durable state of one institution.</summary>
[GenerateSerializer, Alias("census.InstitutionState")]
public sealed class InstitutionState
{
    [Id(0)] public Institution? Institution { get; set; }
    [Id(1)] public string? CreatedBy { get; set; }
    [Id(2)] public Dictionary<string, ApiKeyRecord> ApiKeys { get; set; } = [];

    /// <summary>True once the registry has this institution; false means a listing is owed (see the grain).</summary>
    [Id(3)] public bool Listed { get; set; }
}
