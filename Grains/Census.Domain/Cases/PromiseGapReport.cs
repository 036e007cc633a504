using System.Globalization;
using Census.Contracts.Provision;
using Census.Domain.Provision;
using Census.Domain.Validation;

namespace Census.Domain.Cases;

/// <summary>
/// Promised vs delivered for a round (provision.md §1): each delivered dataset's gap (delivered − promised) per
/// criterion, or their averages by institution or by sector. Datasets not yet delivered are left out.
/// </summary>
public sealed record PromiseGapReport(string RoundId, string By, IReadOnlyList<PromiseGapSummary> Rows)
{
    public static PromiseGapReport Build(string roundId, string by, IEnumerable<CaseSummary> cases)
    {
        Func<CaseSummary, string> key = by switch
        {
            "institution" => c => c.InstitutionId,
            "sector" => c => Names.Of(c.Sector),
            _ => c => $"{c.InstitutionId}/{c.DatasetId}",
        };
        return new PromiseGapReport(roundId, by, PromiseGaps.Summarize(cases.Where(c => c.Gap is not null).Select(c => (key(c), c.Gap!))));
    }

    /// <summary>The report as CSV rows: key, datasets, average gap, then one column per criterion.</summary>
    public static (IReadOnlyList<string> Header, IEnumerable<IEnumerable<string?>> Rows) Table(PromiseGapReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var criteria = report.Rows.Count > 0 ? report.Rows[0].Criteria.Select(c => c.Criterion).ToList() : [];
        IReadOnlyList<string> header = [report.By, "datasets", "gap", .. criteria];
        var rows = report.Rows.Select(r => (IEnumerable<string?>)
            [r.Key, r.Datasets.ToString(CultureInfo.InvariantCulture), r.AverageGap.ToString(CultureInfo.InvariantCulture),
             .. r.Criteria.Select(c => c.AverageGap.ToString(CultureInfo.InvariantCulture))]);
        return (header, rows);
    }
}
