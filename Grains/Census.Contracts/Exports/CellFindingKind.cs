namespace Census.Contracts.Exports;

/// <summary>
/// What the automatic checks found in a table cell: a count of 1–9 (<c>below-threshold</c>, fails), two contributions
/// of 90% or more of the total (<c>dominance</c>, fails), a zero count or a zero total (<c>zero</c>, <c>zero-total</c>:
/// reported to the checkers, not failed).
/// </summary>
public enum CellFindingKind { BelowThreshold, Dominance, Zero, ZeroTotal }
