using Census.Contracts.Exports;

namespace Census.Grains.Exports;

[GenerateSerializer, Alias("census.ExportListState")]
public sealed class ExportListState
{
    /// <summary>Summaries by export id.</summary>
    [Id(0)] public Dictionary<string, ExportSummary> Exports { get; set; } = new(StringComparer.Ordinal);
}
