using Census.Contracts.Institutions;

namespace Census.Domain.Selection;

/// <summary>
/// The exact top-N selection of rubric.md ("Selection"): as many records as the constraints allow up to the quota, and
/// among selections of that size one with the greatest total post score.
/// </summary>
/// <remarks>
/// <para>
/// Why min-cost flow: greedy by score is wrong under per-institution and per-sector bounds (a high record can take the
/// institution slot two others needed for their sectors). The problem is a flow source → institution (capacity
/// maxPerInstitution) → record (capacity 1) → sector (at least sectorMin, at most sectorMax) → sink, of value at most
/// the quota; a record's cost is minus its post score.
/// </para>
/// <para>
/// Lower bounds: the only ones are on the sector → sink edges. Each such edge is split into a "minimum" part of
/// capacity sectorMin whose units cost one unit of a first, dominant cost component, and a free part up to sectorMax.
/// Costs are lexicographic vectors (minimum units, −post, Σ ranking positions), see <see cref="SelectionCost"/>, so
/// successive shortest paths (Dijkstra with potentials, one unit per path, at most quota paths) end in a flow of
/// maximum value that first fills as many minimum units as any flow can, then has the greatest post total, then the
/// earliest records. That is exact: an augmenting path ends at the sink and never runs backwards through a
/// sector → sink edge, so augmenting never lowers a sector's count; and no cut of the network crosses a lower-bounded
/// edge backwards. Hence if any selection meets the minimums, one of maximum size does, and the run above finds the
/// best of those; if the run's flow misses a minimum, none can meet them all (then a second run on the minimums alone
/// gives the minimum cut the reason names). This is the textbook reduction to a feasibility flow, done in one pass.
/// Two infeasible cases need no flow and are reported first: a sectorMin above its sectorMax, and minimums summing
/// above the quota.
/// </para>
/// <para>
/// Size: before building the network the candidates are cut to the group top lists of <see cref="CandidateSet"/>
/// and then, per sector, to the first 2 × quota of those. That is exact too: of a sector's list at most quota
/// records can be unusable in a given selection (already selected, or of an institution at its limit), so any
/// selected record below the list can be exchanged, within its sector, for a listed one ranked higher — every
/// bound still holds and the total does not drop. Records sharing institution and sector then collapse into one
/// edge pair (<see cref="SelectionNetwork"/>), so a Dijkstra step is O(groups × log nodes) with groups ≤ 2 × quota
/// × sectors: O(quota² × sectors × log) for the whole run, after an O(n log n) sort of the input. That is
/// milliseconds at quota 100; it grows with the square of the quota (seconds at quota 1,000).
/// The result is a function of the ranked input, so any input order gives the same result.
/// Ties: of selections with the same size and total, the one with the smallest sum of ranking positions — an earlier
/// record always wins over a later one it could be exchanged with; exactly lexicographic would cost a solve per record.
/// </para>
/// </remarks>
public static class ExactSelection
{
    /// <summary>
    /// The per-(institution, sector) group top lists, in ranking order: of each group only the first
    /// min(quota, maxPerInstitution, sectorMax[sector]) can ever be needed, so solving on these gives the same size and
    /// total as solving on all of <paramref name="eligible"/>.
    /// </summary>
    public static IReadOnlyList<Candidate> CandidateSet(IEnumerable<Candidate> eligible, SelectionConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        Validate(constraints);
        return Trim(Rank(eligible.ToList()), sector => GroupTop(constraints, sector), perSector: long.MaxValue);
    }

    /// <summary>Solves the selection exactly; see the class remarks. The candidates may come in any order; keys must be distinct.</summary>
    public static SelectionResult Solve(IReadOnlyList<Candidate> candidates, SelectionConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Validate(constraints);
        var ranked = Rank(candidates);

        var minimums = constraints.SectorMin.Where(m => m.Value > 0).OrderBy(m => m.Key).Select(m => (m.Key, m.Value)).ToList();
        foreach (var (sector, min) in minimums)
        {
            if (constraints.SectorMax.TryGetValue(sector, out var max) && max < min)
            {
                return Infeasible(SelectionReasons.MinimumAboveMaximum(sector, min, max));
            }
        }

        if (minimums.Sum(m => (long)m.Value) > constraints.Quota)
        {
            return Infeasible(SelectionReasons.MinimumsAboveQuota(minimums, constraints.Quota));
        }

        var sectors = ranked.Select(c => c.Sector)
            .Concat(constraints.SectorMin.Keys)
            .Concat(constraints.SectorMax.Keys)
            .Distinct()
            .Order()
            .ToArray();
        var reduced = Trim(ranked, sector => GroupTop(constraints, sector), perSector: SectorDepth(constraints));
        var network = new SelectionNetwork(reduced, sectors, constraints, minimumsOnly: false);
        network.Run();
        if (!network.MinimumsMet)
        {
            var forMinimums = Trim(ranked, GroupBeyondMinimum(constraints), perSector: long.MaxValue);
            var minimumsOnly = new SelectionNetwork(forMinimums, sectors, constraints, minimumsOnly: true);
            minimumsOnly.Run();
            return Infeasible(SelectionReasons.MinimumsUnmet(minimumsOnly, minimumsOnly.SinkSide(), constraints));
        }

        var isSelected = network.SelectedPositions();
        var selected = reduced.Where((_, position) => isSelected[position]).ToList();
        var total = selected.Sum(c => (long)c.PostQuarterPoints);
        return new SelectionResult(SelectionOutcome.Selected, selected, total, null, Binding(ranked, selected, constraints));
    }

    /// <summary>
    /// min(quota, maxPerInstitution, sectorMax[sector]): no selection can take more records of one (institution,
    /// sector) group, so of each group only that many, in ranking order, are ever candidates.
    /// </summary>
    public static long GroupTop(SelectionConstraints constraints, Sector sector)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return Math.Min(constraints.Quota, Math.Min(constraints.MaxPerInstitution ?? int.MaxValue, SectorMax(constraints, sector)));
    }

    /// <summary>How far down each sector's group-capped list the solver looks: 2 × quota (see the class remarks).</summary>
    public static long SectorDepth(SelectionConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return 2L * constraints.Quota;
    }

    /// <summary>
    /// What kept <paramref name="candidate"/> out of <paramref name="selected"/> (a feasible outcome of
    /// <see cref="Solve"/> on a candidate set holding it): the same answer as <see cref="SelectionResult.Binding"/>,
    /// for one record — which is all an explanation needs, so a run need not keep the binding of every record.
    /// </summary>
    public static string WhyNotSelected(Candidate candidate, IReadOnlyList<Candidate> selected, SelectionConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(constraints);
        return new BindingRule(selected, constraints).Why(candidate, RankedBelowEverySelected(candidate, selected));
    }

    private static bool RankedBelowEverySelected(Candidate candidate, IReadOnlyList<Candidate> selected) =>
        selected.Count == 0 || RankingOrder.Instance.Compare(candidate, selected[^1]) > 0;

    /// <summary>
    /// What keeps each unselected record out, checked in this order: it ranks below the last selected record and the
    /// quota is full (below the cut); its institution is full; its sector is full. Otherwise the selection is full,
    /// and every lower-ranked selected record it could replace is the last its sector may lose (an exchange would
    /// otherwise raise the total or, at equal total, put an earlier record in): the sector minimum of the last selected
    /// record binds. Exact by that exchange argument, and linear.
    /// </summary>
    private static Dictionary<string, string> Binding(Candidate[] ranked, List<Candidate> selected, SelectionConstraints constraints)
    {
        var rule = new BindingRule(selected, constraints);
        var binding = new Dictionary<string, string>(ranked.Length - selected.Count, StringComparer.Ordinal);
        var next = 0;
        foreach (var candidate in ranked)
        {
            // The selection is a subsequence of the ranked list, so one walk tells selected from not.
            if (next < selected.Count && ReferenceEquals(candidate, selected[next]))
            {
                next++;
                continue;
            }

            binding[candidate.Key] = rule.Why(candidate, belowEverySelected: next == selected.Count);
        }

        return binding;
    }

    /// <summary>The binding rule of <see cref="Binding"/>, with the selection's counts taken once.</summary>
    private sealed class BindingRule(IReadOnlyList<Candidate> selected, SelectionConstraints constraints)
    {
        private readonly Dictionary<string, int> _perInstitution = selected.CountBy(c => c.InstitutionId, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        private readonly Dictionary<Sector, int> _perSector = selected.CountBy(c => c.Sector).ToDictionary();
        private readonly int _institutionCap = constraints.MaxPerInstitution ?? int.MaxValue;
        private readonly bool _quotaFull = selected.Count >= constraints.Quota;

        public string Why(Candidate candidate, bool belowEverySelected)
        {
            if (_quotaFull && belowEverySelected)
            {
                return SelectionReasons.Quota;
            }

            if (_perInstitution.GetValueOrDefault(candidate.InstitutionId) >= _institutionCap)
            {
                return SelectionReasons.MaxPerInstitution;
            }

            if (constraints.SectorMax.TryGetValue(candidate.Sector, out var max) && _perSector.GetValueOrDefault(candidate.Sector) >= max)
            {
                return SelectionReasons.SectorMax(candidate.Sector);
            }

            // Not reachable without a selected record ranked below this one: otherwise it could simply be added.
            return belowEverySelected ? SelectionReasons.Quota : SelectionReasons.SectorMin(selected[^1].Sector);
        }
    }

    /// <summary>
    /// Of ranked candidates, the first <paramref name="groupLimit"/>(sector) of each (institution, sector) group, then of
    /// those the first <paramref name="perSector"/> of each sector; in ranking order.
    /// </summary>
    private static Candidate[] Trim(Candidate[] ranked, Func<Sector, long> groupLimit, long perSector)
    {
        var inGroup = new Dictionary<(string Institution, Sector Sector), long>();
        var inSector = new Dictionary<Sector, long>();
        var kept = new List<Candidate>();
        foreach (var candidate in ranked)
        {
            var group = (candidate.InstitutionId, candidate.Sector);
            var groupCount = inGroup.GetValueOrDefault(group);
            var sectorCount = inSector.GetValueOrDefault(candidate.Sector);
            if (groupCount < groupLimit(candidate.Sector) && sectorCount < perSector)
            {
                inGroup[group] = groupCount + 1;
                inSector[candidate.Sector] = sectorCount + 1;
                kept.Add(candidate);
            }
        }

        return [.. kept];
    }

    // For the minimums' network: one more record than a group can ever carry there, so the minimum cut never runs
    // through a group that was cut short, and "eligible records" in a reason means records that are really not there.
    private static Func<Sector, long> GroupBeyondMinimum(SelectionConstraints constraints) => sector =>
        constraints.SectorMin.GetValueOrDefault(sector) is > 0 and var min
            ? Math.Min(min, constraints.MaxPerInstitution ?? int.MaxValue) + 1L
            : 0;

    private static int SectorMax(SelectionConstraints constraints, Sector sector) =>
        constraints.SectorMax.TryGetValue(sector, out var max) ? max : int.MaxValue;

    private static SelectionResult Infeasible(string reason) =>
        new(SelectionOutcome.Infeasible, [], 0, reason, new Dictionary<string, string>());

    private static Candidate[] Rank(IReadOnlyList<Candidate> candidates)
    {
        var ranked = new Candidate[candidates.Count];
        var keys = new HashSet<string>(candidates.Count, StringComparer.Ordinal);
        for (var i = 0; i < ranked.Length; i++)
        {
            var candidate = candidates[i] ?? throw new ArgumentException("A candidate is null.", nameof(candidates));
            if (!keys.Add(candidate.Key))
            {
                throw new ArgumentException($"Candidate {candidate.Key} appears more than once.", nameof(candidates));
            }

            ranked[i] = candidate;
        }

        Array.Sort(ranked, RankingOrder.Instance);
        return ranked;
    }

    private static void Validate(SelectionConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(constraints.SectorMin);
        ArgumentNullException.ThrowIfNull(constraints.SectorMax);
        ArgumentOutOfRangeException.ThrowIfNegative(constraints.Quota, nameof(constraints));
        if (constraints.MaxPerInstitution is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(constraints), "maxPerInstitution must not be negative.");
        }

        if (constraints.SectorMin.Values.Concat(constraints.SectorMax.Values).Any(v => v < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(constraints), "Sector bounds must not be negative.");
        }
    }
}
