using Census.Contracts.Provision;

namespace Census.Grains.Provision;

[GenerateSerializer, Alias("census.CaseOpenerState")]
public sealed class CaseOpenerState
{
    [Id(0)] public CaseOpeningPlan? Plan { get; set; }

    /// <summary>The <c>{institutionId}/{datasetId}</c> whose case is open (or which had no record to open one from).</summary>
    [Id(1)] public HashSet<string> Opened { get; set; } = [];

    [Id(2)] public bool Done { get; set; }
}
