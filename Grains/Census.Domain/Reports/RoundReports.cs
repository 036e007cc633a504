using Census.Contracts.Institutions;
using Census.Contracts.Rankings;
using Census.Contracts.Reports;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;

namespace Census.Domain.Reports;

/// <summary>
/// One cell of the survey index grouped by (institution, sector, modality, availability now,
/// eligible): how many records, and the sums of their scores in quarter points.
/// </summary>
public sealed record ReportCell(
    string InstitutionId,
    Sector Sector,
    Modality Modality,
    AvailabilityScope AvailabilityNow,
    bool Eligible,
    long Count,
    long SumNowQuarterPoints,
    long SumPostQuarterPoints);

/// <summary>An institution of the round: invited or not, and where its response stands.</summary>
public sealed record ReportInstitution(string InstitutionId, string? Name, Sector? Sector, bool Invited, AssignmentStatus? Status);

/// <summary>Builds the institution and sector reports from grouped index cells (pure; no I/O).</summary>
public static class RoundReports
{
    public static RoundReport Build(
        string roundId,
        int rubricVersion,
        IEnumerable<ReportCell> cells,
        IEnumerable<ReportInstitution> institutions,
        IReadOnlyList<SelectedRecord>? selection)
    {
        var cellList = cells.ToList();
        var byInstitution = cellList.GroupBy(c => c.InstitutionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var known = institutions.ToDictionary(i => i.InstitutionId, StringComparer.Ordinal);
        foreach (var id in byInstitution.Keys.Where(id => !known.ContainsKey(id)))
        {
            known[id] = new ReportInstitution(id, null, null, Invited: false, Status: null);
        }

        var institutionLines = known.Values
            .OrderBy(i => i.InstitutionId, StringComparer.Ordinal)
            .Select(i =>
            {
                var mine = byInstitution.GetValueOrDefault(i.InstitutionId) ?? [];
                var totals = Totals(mine);
                return new InstitutionReport(
                    i.InstitutionId, i.Name, i.Sector, i.Invited, i.Invited ? i.Status ?? AssignmentStatus.Invited : null,
                    totals.Datasets, totals.ByModality, totals.ByAvailability, totals.Eligible, totals.MeanNow, totals.MeanPost,
                    selection?.Count(s => s.InstitutionId == i.InstitutionId));
            })
            .ToList();

        var sectorLines = Enum.GetValues<Sector>()
            .Select(sector =>
            {
                var mine = cellList.Where(c => c.Sector == sector).ToList();
                var totals = Totals(mine);
                return new SectorReport(
                    sector, mine.Select(c => c.InstitutionId).Distinct(StringComparer.Ordinal).Count(),
                    totals.Datasets, totals.ByModality, totals.ByAvailability, totals.Eligible, totals.MeanNow, totals.MeanPost,
                    selection?.Count(s => s.Sector == sector));
            })
            .ToList();

        return new RoundReport(roundId, rubricVersion, selection is not null, institutionLines, sectorLines);
    }

    private sealed record Summary(
        long Datasets,
        IReadOnlyDictionary<Modality, long> ByModality,
        IReadOnlyDictionary<AvailabilityScope, long> ByAvailability,
        long Eligible,
        decimal? MeanNow,
        decimal? MeanPost);

    private static Summary Totals(IReadOnlyCollection<ReportCell> cells)
    {
        var datasets = cells.Sum(c => c.Count);
        var byModality = Enum.GetValues<Modality>().ToDictionary(m => m, m => cells.Where(c => c.Modality == m).Sum(c => c.Count));
        var byAvailability = Enum.GetValues<AvailabilityScope>().ToDictionary(a => a, a => cells.Where(c => c.AvailabilityNow == a).Sum(c => c.Count));
        return new Summary(
            datasets,
            byModality,
            byAvailability,
            cells.Where(c => c.Eligible).Sum(c => c.Count),
            Mean(cells.Sum(c => c.SumNowQuarterPoints), datasets),
            Mean(cells.Sum(c => c.SumPostQuarterPoints), datasets));
    }

    /// <summary>The mean score (quarter points ÷ 4 ÷ records) to two decimals; null when there are no records.</summary>
    private static decimal? Mean(long sumQuarterPoints, long count) =>
        count == 0 ? null : Math.Round(Census.Domain.Rubric.QuarterPoints.ToScore(sumQuarterPoints) / count, 2, MidpointRounding.AwayFromZero);
}
