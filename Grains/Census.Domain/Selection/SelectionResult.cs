namespace Census.Domain.Selection;

/// <summary>
/// The outcome of <see cref="ExactSelection.Solve"/>.
/// </summary>
/// <param name="Outcome">Selected, or infeasible when the sector minimums cannot all be met.</param>
/// <param name="Selected">The selection in ranking order (rank = index + 1); empty when infeasible.</param>
/// <param name="TotalPostQuarterPoints">Σ post of the selection, in quarter-points.</param>
/// <param name="Reason">For an infeasible outcome: the failing bound and by how much; otherwise null.</param>
/// <param name="Binding">
/// Per candidate not selected (by <see cref="Candidate.Key"/>), what kept it out: <c>quota</c> (it ranks below the
/// last selected record of a full selection: below the cut), <c>maxPerInstitution</c>, <c>sectorMax.{sector}</c>, or
/// <c>sectorMin.{sector}</c> (every lower-ranked selected record it could replace is held by that sector's minimum).
/// Empty when infeasible.
/// </param>
public sealed record SelectionResult(
    SelectionOutcome Outcome,
    IReadOnlyList<Candidate> Selected,
    long TotalPostQuarterPoints,
    string? Reason,
    IReadOnlyDictionary<string, string> Binding);
