namespace Census.Contracts.Exports;

/// <summary>
/// Where an export request stands: <c>submitted</c> until a checker approves it, <c>in-check</c> with one approval,
/// <c>approved</c> with two checkers' approvals, <c>rejected</c> on any checker's rejection.
/// </summary>
public enum ExportStatus { Submitted, InCheck, Approved, Rejected }
