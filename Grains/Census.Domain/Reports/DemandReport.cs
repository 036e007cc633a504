using Census.Contracts.Institutions;
using Census.Contracts.Ledger;
using Census.Contracts.Reports;
using Census.Contracts.Surveys;

namespace Census.Domain.Reports;

/// <summary>
/// Demand beside supply (provision.md §3 "Usage"): a round's datasets per sector and modality next to the requests,
/// grants and downloads of the released datasets of the same sector and modality.
/// </summary>
public static class DemandReport
{
    /// <param name="supply">The round's sector lines (datasets per modality).</param>
    /// <param name="released">Every released dataset: its key, sector and modality.</param>
    /// <param name="demand">The ledger's counts per dataset key in the period; a released dataset without a line had none.</param>
    public static IReadOnlyList<DemandLine> Build(
        IEnumerable<SectorReport> supply, IEnumerable<(string DatasetKey, Sector Sector, Modality Modality)> released, IEnumerable<DatasetDemand> demand)
    {
        var lines = new Dictionary<(Sector, Modality), DemandLine>();
        DemandLine Line(Sector sector, Modality modality) =>
            lines.TryGetValue((sector, modality), out var line) ? line : new DemandLine(sector, modality, 0, 0, 0, 0, 0);

        foreach (var sector in supply)
        {
            foreach (var (modality, datasets) in sector.ByModality)
            {
                lines[(sector.Sector, modality)] = Line(sector.Sector, modality) with { SupplyDatasets = datasets };
            }
        }

        var byKey = demand.ToDictionary(d => d.DatasetKey, StringComparer.Ordinal);
        foreach (var (key, sector, modality) in released)
        {
            var line = Line(sector, modality);
            var counted = byKey.GetValueOrDefault(key);
            lines[(sector, modality)] = line with
            {
                ReleasedDatasets = line.ReleasedDatasets + 1,
                Requests = line.Requests + (counted?.Requests ?? 0),
                Grants = line.Grants + (counted?.Grants ?? 0),
                Downloads = line.Downloads + (counted?.Downloads ?? 0),
            };
        }

        return [.. lines.Values.OrderBy(l => l.Sector).ThenBy(l => l.Modality)];
    }
}
