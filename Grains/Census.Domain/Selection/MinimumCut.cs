namespace Census.Domain.Selection;

/// <summary>
/// Why the sector minimums cannot all be met: the sectors (indices into <see cref="SelectionNetwork.Sectors"/>) whose
/// minimums fail together, and whether the institution cap or the quota is part of what holds them back.
/// </summary>
internal sealed record MinimumCut(IReadOnlyList<int> Sectors, bool ByMaxPerInstitution, bool ByQuota);
