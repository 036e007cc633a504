namespace Census.Contracts.Exports;

/// <summary>
/// How a decision went: <c>Decided</c>, or refused — no such request, a checker who is the requester or of their
/// organisation (<c>NotIndependent</c>), a checker who already decided or a request already closed
/// (<c>AlreadyDecided</c>, <c>Closed</c>), an approval while an automatic check fails (<c>ChecksFail</c>).
/// </summary>
public enum ExportDecisionOutcome { Decided, NotFound, NotIndependent, AlreadyDecided, Closed, ChecksFail }
