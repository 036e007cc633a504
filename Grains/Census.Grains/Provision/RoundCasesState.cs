using Census.Contracts.Provision;

namespace Census.Grains.Provision;

[GenerateSerializer, Alias("census.RoundCasesState")]
public sealed class RoundCasesState
{
    /// <summary>Summaries by <c>{institutionId}/{datasetId}</c>.</summary>
    [Id(0)] public Dictionary<string, CaseSummary> Cases { get; set; } = [];
}
