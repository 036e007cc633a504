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
/// </para>
/// <para>
/// Cost: records sharing institution and sector collapse into one edge pair (<see cref="SelectionNetwork"/>), so a
/// Dijkstra step touches institutions + sectors nodes and two edges per group: O(quota × groups × log institutions)
/// after an O(n log n) sort. The result is a function of the ranked input, so any input order gives the same result.
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
        var ranked = Rank(eligible.ToList());
        var perInstitution = constraints.MaxPerInstitution ?? int.MaxValue;
        var taken = new Dictionary<(string Institution, Sector Sector), int>();
        var kept = new List<Candidate>();
        foreach (var candidate in ranked)
        {
            var sectorCap = constraints.SectorMax.TryGetValue(candidate.Sector, out var max) ? max : int.MaxValue;
            var limit = Math.Min(constraints.Quota, Math.Min(perInstitution, sectorCap));
            var group = (candidate.InstitutionId, candidate.Sector);
            var count = taken.GetValueOrDefault(group);
            if (count < limit)
            {
                taken[group] = count + 1;
                kept.Add(candidate);
            }
        }

        return kept;
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
        var network = new SelectionNetwork(ranked, sectors, constraints, minimumsOnly: false);
        network.Run();
        if (!network.MinimumsMet)
        {
            var minimumsOnly = new SelectionNetwork(ranked, sectors, constraints, minimumsOnly: true);
            minimumsOnly.Run();
            return Infeasible(SelectionReasons.MinimumsUnmet(minimumsOnly, minimumsOnly.SinkSide(), constraints));
        }

        var isSelected = network.SelectedPositions();
        var selected = new List<Candidate>(network.Total);
        var total = 0L;
        for (var position = 0; position < ranked.Length; position++)
        {
            if (isSelected[position])
            {
                selected.Add(ranked[position]);
                total += ranked[position].PostQuarterPoints;
            }
        }

        return new SelectionResult(SelectionOutcome.Selected, selected, total, null, Binding(ranked, isSelected, network, constraints));
    }

    /// <summary>
    /// What keeps each unselected record out, checked in this order: it ranks below the last selected record and the
    /// quota is full (below the cut); its institution is full; its sector is full. Otherwise the selection is full,
    /// and every lower-ranked selected record it could replace is the last its sector may lose (an exchange would
    /// otherwise raise the total or, at equal total, the rank order): the sector minimum of the last selected record binds.
    /// </summary>
    private static Dictionary<string, string> Binding(
        Candidate[] ranked, bool[] isSelected, SelectionNetwork network, SelectionConstraints constraints)
    {
        var placement = network.Placement();
        var last = Array.LastIndexOf(isSelected, true);
        var quotaFull = network.Total >= constraints.Quota;
        var binding = new Dictionary<string, string>(ranked.Length - network.Total, StringComparer.Ordinal);
        for (var position = 0; position < ranked.Length; position++)
        {
            if (isSelected[position])
            {
                continue;
            }

            var (institution, sector) = placement[position];
            string why;
            if (quotaFull && position > last)
            {
                why = SelectionReasons.Quota;
            }
            else if (network.InstitutionFull(institution))
            {
                why = SelectionReasons.MaxPerInstitution;
            }
            else if (network.SectorFull(sector))
            {
                why = SelectionReasons.SectorMax(network.Sectors[sector]);
            }
            else
            {
                // Cannot be reached without a selected record ranked below this one (or it could be added).
                why = last > position ? SelectionReasons.SectorMin(network.Sectors[placement[last].Sector]) : SelectionReasons.Quota;
            }

            binding[ranked[position].Key] = why;
        }

        return binding;
    }

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
