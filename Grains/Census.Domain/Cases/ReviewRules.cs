using Census.Contracts.Principals;
using Census.Contracts.Provision;

namespace Census.Domain.Cases;

/// <summary>
/// The adequacy review (provision.md §1 and "Actors and roles"): at least two reviewers from the pool, none of the
/// reviewed institution and none who uploaded its evidence; each votes once with a reason; approved only when every
/// assigned reviewer approves; one rejection ends the review.
/// </summary>
public static class ReviewRules
{
    public const int MinimumReviewers = 2;
    public const int MaximumReviewers = 10;

    /// <summary>Whether these reviewers may be assigned to a case of <paramref name="institutionId"/>: null, or why not.</summary>
    public static CaseRefusal? Assign(
        CaseStatus status, IReadOnlyList<PrincipalRef> reviewers, string institutionId, IEnumerable<string> evidenceUploaders, bool votesCast)
    {
        if (status is not (CaseStatus.Processing or CaseStatus.InReview))
        {
            return CaseRefusal.WrongState($"Reviewers are assigned before or during the review; the case is {Validation.Names.Of(status)}.");
        }

        if (status == CaseStatus.InReview && votesCast)
        {
            return CaseRefusal.WrongState("Votes have been cast in this review; its reviewers no longer change.");
        }

        if (reviewers.Count is < MinimumReviewers or > MaximumReviewers)
        {
            return CaseRefusal.Invalid($"Assign {MinimumReviewers} to {MaximumReviewers} reviewers.");
        }

        if (reviewers.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() != reviewers.Count)
        {
            return CaseRefusal.Invalid("A reviewer is listed twice.");
        }

        if (reviewers.FirstOrDefault(r => r.Organisation == institutionId) is { } own)
        {
            return CaseRefusal.Forbidden($"Reviewer '{own.Id}' belongs to the institution under review.");
        }

        var uploaders = evidenceUploaders.ToHashSet(StringComparer.Ordinal);
        return reviewers.FirstOrDefault(r => uploaders.Contains(r.Id)) is { } uploader
            ? CaseRefusal.Forbidden($"Reviewer '{uploader.Id}' uploaded evidence of this case; nobody reviews their own work.")
            : null;
    }

    /// <summary>Whether <paramref name="reviewer"/> may vote now: null, or why not.</summary>
    public static CaseRefusal? Vote(CaseStatus status, Review? current, PrincipalRef reviewer, string institutionId, string? reason)
    {
        if (reviewer.Organisation == institutionId)
        {
            return CaseRefusal.Forbidden("A reviewer may not vote on a case of their own institution.");
        }

        if (status != CaseStatus.InReview || current is null || current.Outcome is not null)
        {
            return CaseRefusal.WrongState("The case is not under review.");
        }

        if (!current.Reviewers.Contains(reviewer.Id, StringComparer.Ordinal))
        {
            return CaseRefusal.Forbidden("You are not assigned to review this case.");
        }

        if (current.Votes.Any(v => v.Reviewer == reviewer.Id))
        {
            return CaseRefusal.Conflict("You have already voted in this review; a vote is not changed.");
        }

        return string.IsNullOrWhiteSpace(reason) || reason.Length > CaseRules.MaxReasonLength
            ? CaseRefusal.Invalid($"A vote needs a reason of 1 to {CaseRules.MaxReasonLength} characters.")
            : null;
    }

    /// <summary>The review's outcome after its votes: rejected at the first rejection, approved when all approved, else open.</summary>
    public static ReviewOutcome? Outcome(IReadOnlyList<string> reviewers, IReadOnlyList<ReviewVote> votes)
    {
        if (votes.Any(v => v.Decision == ReviewDecision.Reject))
        {
            return ReviewOutcome.Rejected;
        }

        return reviewers.All(r => votes.Any(v => v.Reviewer == r && v.Decision == ReviewDecision.Approve))
            ? ReviewOutcome.Approved
            : null;
    }
}
