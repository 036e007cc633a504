namespace Census.Contracts.Provision;

/// <summary>
/// Where a processing case stands: <c>processing</c> (tasks and evidence) → <c>in-review</c> (adequacy review, when
/// personal data was present) → <c>ready</c> (approved, or no review needed) → <c>tier-decided</c> → <c>released</c>
/// (at least one published release). A rejection sends the case back to <c>processing</c>.
/// </summary>
public enum CaseStatus { Processing, InReview, Ready, TierDecided, Released }

/// <summary>A processing task's state: <c>todo → in-progress → done</c>.</summary>
public enum TaskState { Todo, InProgress, Done }

/// <summary>What a piece of evidence is.</summary>
public enum EvidenceKind { EquivalenceClassTable, IdentifierChecks, Document }

public enum ReviewDecision { Approve, Reject }

public enum ReviewOutcome { Approved, Rejected }
