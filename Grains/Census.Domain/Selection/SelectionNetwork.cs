using Census.Contracts.Institutions;

namespace Census.Domain.Selection;

/// <summary>
/// The residual network of one selection, compressed: source → institution → sector → sink, where the edge
/// institution → sector stands for the records the two share (a "group"), and successive shortest paths on it.
/// </summary>
/// <remarks>
/// <para>
/// In the full network every record is a node with one edge in (from its institution, capacity 1, cost of selecting
/// it) and one out (to its sector). A shortest path only ever enters a group through its cheapest unselected record
/// and leaves backwards through its dearest selected one, so a group is two residual edges: forward "select the next
/// record in ranking order", backward "deselect the last selected one". Costs strictly increase along the ranking
/// order, so the selected records of a group are always a prefix of it and <see cref="groupUsed"/> is all the state a
/// group needs. The graph has institutions + sectors + 2 nodes and two edges per group, whatever the record count.
/// </para>
/// <para>
/// The sector → sink edge has two parts: the first <c>sectorMin</c> units cost <see cref="SelectionCost.MinimumUnit"/>,
/// the rest up to <c>sectorMax</c> cost nothing. The quota is the number of augmentations. Every path carries one unit
/// (records have capacity 1). Potentials keep reduced costs non-negative, so each step is one Dijkstra; it stops at
/// the sink, and nodes it did not settle take the sink's distance, which keeps the potentials feasible.
/// </para>
/// </remarks>
internal sealed class SelectionNetwork
{
    private const int Source = 0;

    private readonly Candidate[] ranked;
    private readonly int quota;
    private readonly bool minimumsOnly;
    private readonly int institutionCap;
    private readonly int institutionCount;
    private readonly int sink;

    private readonly int[] sectorMin;
    private readonly int[] sectorCap;

    private readonly int[] groupInstitution;
    private readonly int[] groupSector;
    private readonly int[] groupStart;
    private readonly int[] groupLength;
    private readonly int[] groupUsed;
    private readonly int[] members;
    private readonly int[][] institutionGroups;
    private readonly int[][] sectorGroups;

    private readonly int[] institutionUsed;
    private readonly int[] sectorUsed;

    private readonly SelectionCost[] potential;
    private readonly SelectionCost[] distance;
    private readonly bool[] reached;
    private readonly bool[] settled;
    private readonly int[] parentNode;
    private readonly int[] parentGroup;
    private readonly PriorityQueue<int, (SelectionCost Distance, int Node)> queue = new(QueueOrder.Instance);

    /// <param name="ranked">Candidates in ranking order with distinct keys; a record's index is its ranking position.</param>
    /// <param name="sectors">Every sector that has a candidate or a bound, in a fixed order.</param>
    /// <param name="constraints">The bounds; validated by the caller, sectorMin never above sectorMax.</param>
    /// <param name="minimumsOnly">
    /// Whether to drop the costs and cap each sector at its minimum: the network whose maximum flow says how much of the
    /// minimums can be met, and whose minimum cut says why not.
    /// </param>
    public SelectionNetwork(Candidate[] ranked, IReadOnlyList<Sector> sectors, SelectionConstraints constraints, bool minimumsOnly)
    {
        this.ranked = ranked;
        this.minimumsOnly = minimumsOnly;
        quota = constraints.Quota;
        institutionCap = constraints.MaxPerInstitution ?? int.MaxValue;
        Sectors = sectors;

        var sectorIndex = new Dictionary<Sector, int>(sectors.Count);
        for (var k = 0; k < sectors.Count; k++)
        {
            sectorIndex[sectors[k]] = k;
        }

        sectorMin = sectors.Select(s => constraints.SectorMin.GetValueOrDefault(s)).ToArray();
        sectorCap = minimumsOnly
            ? sectorMin
            : sectors.Select(s => constraints.SectorMax.TryGetValue(s, out var max) ? max : int.MaxValue).ToArray();

        // Institutions and groups are numbered by first appearance in ranking order, so the whole run is a function
        // of the ranked list alone.
        var institutionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupIndex = new Dictionary<(int Institution, int Sector), int>();
        var groupMembers = new List<List<int>>();
        var groupKeys = new List<(int Institution, int Sector)>();
        for (var position = 0; position < ranked.Length; position++)
        {
            var candidate = ranked[position];
            if (!institutionIndex.TryGetValue(candidate.InstitutionId, out var institution))
            {
                institution = institutionIndex.Count;
                institutionIndex.Add(candidate.InstitutionId, institution);
            }

            var key = (institution, sectorIndex[candidate.Sector]);
            if (!groupIndex.TryGetValue(key, out var group))
            {
                group = groupMembers.Count;
                groupIndex.Add(key, group);
                groupMembers.Add([]);
                groupKeys.Add(key);
            }

            groupMembers[group].Add(position);
        }

        institutionCount = institutionIndex.Count;
        sink = institutionCount + sectors.Count + 1;
        var groupCount = groupMembers.Count;
        groupInstitution = new int[groupCount];
        groupSector = new int[groupCount];
        groupStart = new int[groupCount];
        groupLength = new int[groupCount];
        groupUsed = new int[groupCount];
        members = new int[ranked.Length];
        var byInstitution = new List<int>[institutionCount];
        var bySector = new List<int>[sectors.Count];
        var offset = 0;
        for (var g = 0; g < groupCount; g++)
        {
            (groupInstitution[g], groupSector[g]) = groupKeys[g];
            groupStart[g] = offset;
            groupLength[g] = groupMembers[g].Count;
            groupMembers[g].CopyTo(members, offset);
            offset += groupLength[g];
            (byInstitution[groupInstitution[g]] ??= []).Add(g);
            (bySector[groupSector[g]] ??= []).Add(g);
        }

        institutionGroups = byInstitution.Select(l => l?.ToArray() ?? []).ToArray();
        sectorGroups = bySector.Select(l => l?.ToArray() ?? []).ToArray();
        institutionUsed = new int[institutionCount];
        sectorUsed = new int[sectors.Count];

        var nodes = sink + 1;
        potential = new SelectionCost[nodes];
        distance = new SelectionCost[nodes];
        reached = new bool[nodes];
        settled = new bool[nodes];
        parentNode = new int[nodes];
        parentGroup = new int[nodes];
        InitialPotentials();
    }

    public IReadOnlyList<Sector> Sectors { get; }

    /// <summary>Records selected so far (the flow value).</summary>
    public int Total { get; private set; }

    public int SectorMinimum(int sector) => sectorMin[sector];

    public int SectorSelected(int sector) => sectorUsed[sector];

    /// <summary>Whether every sector has at least its minimum.</summary>
    public bool MinimumsMet
    {
        get
        {
            for (var k = 0; k < sectorUsed.Length; k++)
            {
                if (sectorUsed[k] < sectorMin[k])
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Augments along shortest paths until the quota is reached or no path is left: a maximum flow of minimum cost.</summary>
    public void Run()
    {
        while (Total < quota && ShortestPath())
        {
            Augment();
        }
    }

    /// <summary>Per ranking position, whether that record is selected.</summary>
    public bool[] SelectedPositions()
    {
        var selected = new bool[ranked.Length];
        for (var g = 0; g < groupUsed.Length; g++)
        {
            for (var m = 0; m < groupUsed[g]; m++)
            {
                selected[members[groupStart[g] + m]] = true;
            }
        }

        return selected;
    }

    /// <summary>
    /// After <see cref="Run"/> on a <c>minimumsOnly</c> network: the sink side of the minimum cut (every node that can
    /// still reach the sink). Its sectors are the minimums that fail together; whether an institution is on it says
    /// the institution cap is part of the cut; whether the source is says the quota is.
    /// </summary>
    public MinimumCut SinkSide()
    {
        var nodes = sink + 1;
        var side = new bool[nodes];
        var work = new Stack<int>();
        side[sink] = true;
        work.Push(sink);
        while (work.Count > 0)
        {
            var v = work.Pop();
            if (v == sink)
            {
                for (var k = 0; k < sectorUsed.Length; k++)
                {
                    if (sectorUsed[k] < sectorCap[k])
                    {
                        Mark(SectorNode(k));
                    }
                }
            }
            else if (IsSector(v))
            {
                foreach (var g in sectorGroups[v - institutionCount - 1])
                {
                    if (groupUsed[g] < groupLength[g])
                    {
                        Mark(InstitutionNode(groupInstitution[g]));
                    }
                }
            }
            else if (v != Source)
            {
                var institution = v - 1;
                if (institutionUsed[institution] < institutionCap)
                {
                    Mark(Source);
                }

                foreach (var g in institutionGroups[institution])
                {
                    if (groupUsed[g] > 0)
                    {
                        Mark(SectorNode(groupSector[g]));
                    }
                }
            }
        }

        var sectors = Enumerable.Range(0, sectorUsed.Length).Where(k => side[SectorNode(k)]).ToArray();
        var institutionsCut = Enumerable.Range(0, institutionCount).Any(i => side[InstitutionNode(i)]);
        return new MinimumCut(sectors, institutionsCut, side[Source] && Total >= quota);

        void Mark(int node)
        {
            if (!side[node])
            {
                side[node] = true;
                work.Push(node);
            }
        }
    }

    private static int InstitutionNode(int institution) => institution + 1;

    private int SectorNode(int sector) => institutionCount + 1 + sector;

    private bool IsSector(int node) => node > institutionCount && node < sink;

    private SelectionCost RecordCost(int position) =>
        minimumsOnly ? SelectionCost.Zero : SelectionCost.Selecting(ranked[position].PostQuarterPoints, position);

    private SelectionCost? SinkCost(int sector)
    {
        if (sectorUsed[sector] < sectorMin[sector])
        {
            return minimumsOnly ? SelectionCost.Zero : SelectionCost.MinimumUnit;
        }

        return sectorUsed[sector] < sectorCap[sector] ? SelectionCost.Zero : null;
    }

    // Shortest distances in the empty flow's network, which has no cycles: feasible potentials to start from.
    private void InitialPotentials()
    {
        SelectionCost? toSink = null;
        for (var k = 0; k < sectorGroups.Length; k++)
        {
            SelectionCost? toSector = null;
            foreach (var g in sectorGroups[k])
            {
                var cost = RecordCost(members[groupStart[g]]);
                toSector = toSector is { } best ? SelectionCost.Min(best, cost) : cost;
            }

            potential[SectorNode(k)] = toSector ?? SelectionCost.Zero;
            if (SinkCost(k) is { } last)
            {
                var through = potential[SectorNode(k)] + last;
                toSink = toSink is { } best ? SelectionCost.Min(best, through) : through;
            }
        }

        potential[sink] = toSink ?? SelectionCost.Zero;
    }

    private bool ShortestPath()
    {
        Array.Clear(reached);
        Array.Clear(settled);
        queue.Clear();
        distance[Source] = SelectionCost.Zero;
        reached[Source] = true;
        queue.Enqueue(Source, (SelectionCost.Zero, Source));
        while (queue.TryDequeue(out var u, out var key))
        {
            if (settled[u] || key.Distance > distance[u])
            {
                continue;
            }

            settled[u] = true;
            if (u == sink)
            {
                break;
            }

            if (u == Source)
            {
                for (var i = 0; i < institutionCount; i++)
                {
                    if (institutionUsed[i] < institutionCap)
                    {
                        Relax(u, InstitutionNode(i), SelectionCost.Zero, -1);
                    }
                }
            }
            else if (IsSector(u))
            {
                var sector = u - institutionCount - 1;
                foreach (var g in sectorGroups[sector])
                {
                    if (groupUsed[g] > 0)
                    {
                        Relax(u, InstitutionNode(groupInstitution[g]), -RecordCost(members[groupStart[g] + groupUsed[g] - 1]), g);
                    }
                }

                if (SinkCost(sector) is { } last)
                {
                    Relax(u, sink, last, -1);
                }
            }
            else
            {
                foreach (var g in institutionGroups[u - 1])
                {
                    if (groupUsed[g] < groupLength[g])
                    {
                        Relax(u, SectorNode(groupSector[g]), RecordCost(members[groupStart[g] + groupUsed[g]]), g);
                    }
                }
            }
        }

        if (!settled[sink])
        {
            return false;
        }

        var atSink = distance[sink];
        for (var v = 0; v < potential.Length; v++)
        {
            potential[v] += settled[v] ? distance[v] : atSink;
        }

        return true;
    }

    private void Relax(int u, int v, SelectionCost cost, int group)
    {
        if (settled[v])
        {
            return;
        }

        var through = distance[u] + cost + potential[u] - potential[v];
        if (!reached[v] || through < distance[v])
        {
            reached[v] = true;
            distance[v] = through;
            parentNode[v] = u;
            parentGroup[v] = group;
            queue.Enqueue(v, (through, v));
        }
    }

    private void Augment()
    {
        for (var v = sink; v != Source; v = parentNode[v])
        {
            var u = parentNode[v];
            if (v == sink)
            {
                sectorUsed[u - institutionCount - 1]++;
            }
            else if (u == Source)
            {
                institutionUsed[v - 1]++;
            }
            else if (IsSector(v))
            {
                groupUsed[parentGroup[v]]++;
            }
            else
            {
                groupUsed[parentGroup[v]]--;
            }
        }

        Total++;
    }

    /// <summary>
    /// The queue's order: by distance, then node. The same order as the tuple's default comparer, written out because
    /// that one compares each member through a generic comparer, which was most of a solve's time.
    /// </summary>
    private sealed class QueueOrder : IComparer<(SelectionCost Distance, int Node)>
    {
        public static readonly QueueOrder Instance = new();

        public int Compare((SelectionCost Distance, int Node) x, (SelectionCost Distance, int Node) y)
        {
            if (x.Distance.Minimums != y.Distance.Minimums)
            {
                return x.Distance.Minimums < y.Distance.Minimums ? -1 : 1;
            }

            if (x.Distance.Post != y.Distance.Post)
            {
                return x.Distance.Post < y.Distance.Post ? -1 : 1;
            }

            if (x.Distance.Positions != y.Distance.Positions)
            {
                return x.Distance.Positions < y.Distance.Positions ? -1 : 1;
            }

            return x.Node.CompareTo(y.Node);
        }
    }
}
