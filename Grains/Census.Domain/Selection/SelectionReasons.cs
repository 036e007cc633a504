using System.Globalization;
using Census.Contracts.Institutions;
using Census.Domain.Validation;

namespace Census.Domain.Selection;

/// <summary>The words of an infeasible outcome and of a binding constraint, with the bound names of api.md.</summary>
internal static class SelectionReasons
{
    public const string Quota = "quota";

    public const string MaxPerInstitution = "maxPerInstitution";

    public static string SectorMin(Sector sector) => "sectorMin." + Names.Of(sector);

    public static string SectorMax(Sector sector) => "sectorMax." + Names.Of(sector);

    public static string MinimumAboveMaximum(Sector sector, int min, int max) => Invariant(
        $"{SectorMin(sector)} = {min} exceeds {SectorMax(sector)} = {max} by {min - max}");

    public static string MinimumsAboveQuota(IReadOnlyList<(Sector Sector, int Min)> minimums, int quota)
    {
        var sum = minimums.Sum(m => (long)m.Min);
        return minimums.Count == 1
            ? Invariant($"{Bound(minimums[0])} exceeds quota = {quota} by {sum - quota}")
            : Invariant($"the sector minimums {Join(minimums.Select(Bound))} sum to {sum}, above quota = {quota} by {sum - quota}");
    }

    /// <summary>The minimums on the sink side of the minimum cut: how many they ask, how many can be had, and what holds them back.</summary>
    public static string MinimumsUnmet(SelectionNetwork minimums, MinimumCut cut, SelectionConstraints constraints)
    {
        var failing = cut.Sectors
            .Select(k => (Sector: minimums.Sectors[k], Min: minimums.SectorMinimum(k), Selected: minimums.SectorSelected(k)))
            .ToArray();
        var asked = failing.Sum(f => (long)f.Min);
        var possible = failing.Sum(f => (long)f.Selected);
        var records = possible == 1 ? "eligible record" : "eligible records";
        var limits = new List<string>();
        if (cut.ByQuota)
        {
            limits.Add(Invariant($"quota = {constraints.Quota}"));
        }

        if (cut.ByMaxPerInstitution)
        {
            limits.Add(Invariant($"maxPerInstitution = {constraints.MaxPerInstitution}"));
        }

        var limited = limits.Count == 0 ? "" : " (limited by " + Join(limits) + ")";
        var bounds = Join(failing.Select(f => Bound((f.Sector, f.Min))));
        var names = Join(failing.Select(f => Names.Of(f.Sector)));
        return failing.Length == 1
            ? Invariant($"{bounds} cannot be met: at most {possible} {records} can be selected in {names}{limited}, short by {asked - possible}")
            : Invariant($"{bounds} cannot all be met: at most {possible} {records} can be selected in {names} together{limited}, short by {asked - possible}");
    }

    private static string Bound((Sector Sector, int Min) minimum) => Invariant($"{SectorMin(minimum.Sector)} = {minimum.Min}");

    private static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
