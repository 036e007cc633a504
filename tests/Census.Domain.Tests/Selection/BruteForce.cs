using Census.Domain.Selection;

namespace Census.Domain.Tests.Selection;

/// <summary>The selection by definition: every subset, the feasible ones, the largest, then the greatest total post.</summary>
internal static class BruteForce
{
    /// <summary>The best (size, total) over feasible subsets, or null when no subset meets every bound.</summary>
    public static (int Size, long Total)? Best(IReadOnlyList<Candidate> candidates, SelectionConstraints constraints)
    {
        if (candidates.Count > 20)
        {
            throw new ArgumentException("Too many candidates to enumerate.", nameof(candidates));
        }

        (int Size, long Total)? best = null;
        var subset = new List<Candidate>();
        for (var mask = 0; mask < 1 << candidates.Count; mask++)
        {
            subset.Clear();
            for (var i = 0; i < candidates.Count; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    subset.Add(candidates[i]);
                }
            }

            if (Violations(subset, constraints).Count != 0)
            {
                continue;
            }

            var value = (subset.Count, subset.Sum(c => (long)c.PostQuarterPoints));
            if (best is not { } b || value.Count > b.Size || (value.Count == b.Size && value.Item2 > b.Total))
            {
                best = value;
            }
        }

        return best;
    }

    /// <summary>
    /// Σ sectorMin minus the most any selection within the quota and the upper bounds can put towards the minimums
    /// (each sector counting up to its minimum).
    /// </summary>
    public static long MinimumShortfall(IReadOnlyList<Candidate> candidates, SelectionConstraints constraints)
    {
        var upperOnly = constraints with { SectorMin = new Dictionary<Sector, int>() };
        var best = 0L;
        var subset = new List<Candidate>();
        for (var mask = 0; mask < 1 << candidates.Count; mask++)
        {
            subset.Clear();
            subset.AddRange(candidates.Where((_, i) => (mask & (1 << i)) != 0));
            if (Violations(subset, upperOnly).Count == 0)
            {
                best = Math.Max(best, constraints.SectorMin.Sum(m => (long)Math.Min(m.Value, subset.Count(c => c.Sector == m.Key))));
            }
        }

        return constraints.SectorMin.Sum(m => (long)m.Value) - best;
    }

    /// <summary>Every bound the selection breaks, named as in api.md; empty when it meets them all.</summary>
    public static List<string> Violations(IReadOnlyCollection<Candidate> selection, SelectionConstraints constraints)
    {
        var broken = new List<string>();
        if (selection.Count > constraints.Quota)
        {
            broken.Add("quota");
        }

        if (constraints.MaxPerInstitution is { } perInstitution
            && selection.GroupBy(c => c.InstitutionId).Any(g => g.Count() > perInstitution))
        {
            broken.Add("maxPerInstitution");
        }

        foreach (var sector in Enum.GetValues<Sector>())
        {
            var count = selection.Count(c => c.Sector == sector);
            if (count < constraints.SectorMin.GetValueOrDefault(sector))
            {
                broken.Add($"sectorMin.{sector}");
            }

            if (constraints.SectorMax.TryGetValue(sector, out var max) && count > max)
            {
                broken.Add($"sectorMax.{sector}");
            }
        }

        return broken;
    }
}
