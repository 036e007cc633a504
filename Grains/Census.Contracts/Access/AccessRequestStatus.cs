namespace Census.Contracts.Access;

/// <summary>
/// <c>submitted → in-review → (changes-requested ⇄ resubmitted) → approved | rejected | withdrawn</c> (provision.md §2).
/// </summary>
public enum AccessRequestStatus { Submitted, InReview, ChangesRequested, Resubmitted, Approved, Rejected, Withdrawn }
