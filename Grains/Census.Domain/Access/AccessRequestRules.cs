using Census.Contracts.Access;
using Census.Contracts.Provision;
using Census.Contracts.Surveys;
using Census.Domain.Provision;
using Census.Domain.Validation;

namespace Census.Domain.Access;

/// <summary>
/// The access request workflow of provision.md §2: what a request must say, which purposes a dataset's conditions
/// exclude, the periods allowed per tier, who may decide what in which state, and when a decision is overdue. Every
/// operation answers the changed request or a refusal; a refusal changes nothing.
/// </summary>
public static class AccessRequestRules
{
    public const int MaxPeriodDays = 365;
    public const int MaxSafeZonePeriodDays = 25;
    public const int DecisionDays = 10;
    public const int MaxExtensionDays = 10;
    public const int MaxAnalysts = 50;
    public const int MaxProjectSummaryLength = 4_000;
    public const int MaxPurposeTextLength = 500;
    public const int MaxReasonLength = 1_000;

    /// <summary>The shape of a submission: required members, lengths, ids. What the release and the requester must be is checked after.</summary>
    public static ValidationErrors Validate(AccessRequestSubmission? submission)
    {
        var errors = new ValidationErrors();
        if (submission is null)
        {
            return errors.Add("$", "A JSON object is required.");
        }

        Rules.Id(errors, "institutionId", submission.InstitutionId);
        Rules.Id(errors, "datasetId", submission.DatasetId);
        Rules.RequiredText(errors, "version", submission.Version, 20);
        Rules.Required(errors, "purpose", submission.Purpose);
        PurposeText(errors, submission.Purpose, submission.PurposeText);
        Rules.RequiredText(errors, "projectSummary", submission.ProjectSummary, MaxProjectSummaryLength);
        Analysts(errors, submission.Analysts);
        Rules.Required(errors, "periodDays", submission.PeriodDays);
        if (submission.PeriodDays is < 1)
        {
            errors.Add("periodDays", "must be at least 1 day.");
        }

        Rules.Required(errors, "agreementVersion", submission.AgreementVersion);
        if (submission.AgreementVersion is < 1)
        {
            errors.Add("agreementVersion", "must be 1 or more.");
        }

        return errors;
    }

    /// <summary>The longest period a request for data of <paramref name="tier"/> may ask.</summary>
    public static int MaxPeriod(ReleaseTier tier) => tier == ReleaseTier.SafeZoneOnly ? MaxSafeZonePeriodDays : MaxPeriodDays;

    /// <summary>Why a period is too long for the tier, or null.</summary>
    public static string? PeriodError(ReleaseTier tier, int days) =>
        days > MaxPeriod(tier)
            ? tier == ReleaseTier.SafeZoneOnly
                ? $"must be at most {MaxSafeZonePeriodDays} days of use for safe-zone-only data."
                : $"must be at most {MaxPeriodDays} days."
            : null;

    /// <summary>Why data of this tier takes no request, or null when it does (restricted, safe-zone-only).</summary>
    public static string? TierRefusal(ReleaseTier tier) => tier switch
    {
        ReleaseTier.Open => "Open data needs no request: accept the dataset's current agreement to get a grant at once.",
        ReleaseTier.NotProvidable => "This dataset is not providable.",
        _ => null,
    };

    /// <summary>Why the dataset's conditions exclude the purpose, or null (e.g. a commercial service on a non-commercial licence).</summary>
    public static string? PurposeExclusion(AccessPurpose purpose, License license) =>
        purpose == AccessPurpose.CommercialService && Licences.IsNonCommercialOrProprietary(license)
            ? $"The dataset's licence ({Names.Of(license)}) excludes commercial use, so a commercial-service purpose cannot be granted."
            : null;

    /// <summary>The grant kind an approved request of the tier gives.</summary>
    public static GrantKind GrantKindFor(ReleaseTier tier) => tier == ReleaseTier.SafeZoneOnly ? GrantKind.SafeZone : GrantKind.Download;

    /// <summary>A new request as submitted: due <see cref="DecisionDays"/> days later.</summary>
    public static AccessRequest Submitted(
        string id, AccessRequestSubmission submission, ReleaseTier tier, string requesterId, string organisationId,
        OrganisationKind organisationKind, DateTimeOffset now, string actor) =>
        new(id, submission.InstitutionId!, submission.DatasetId!, submission.Version!, tier, requesterId, organisationId,
            organisationKind, submission.Purpose!.Value, Trimmed(submission.PurposeText), submission.ProjectSummary!.Trim(),
            [.. submission.Analysts!.Distinct()], submission.PeriodDays!.Value, submission.AgreementVersion!.Value,
            AccessRequestStatus.Submitted, now, now.AddDays(DecisionDays), null, null, null, null,
            [new AccessHistoryEntry(now, actor, "submitted", null)], Revision: 1);

    public static bool IsOpen(AccessRequestStatus status) =>
        status is AccessRequestStatus.Submitted or AccessRequestStatus.InReview or AccessRequestStatus.ChangesRequested
            or AccessRequestStatus.Resubmitted;

    /// <summary>True when a decision is still owed and its due date has passed.</summary>
    public static bool IsOverdue(AccessRequest request, DateTimeOffset now) => IsOverdue(request.Status, request.DueAt, now);

    public static bool IsOverdue(AccessRequestStatus status, DateTimeOffset dueAt, DateTimeOffset now) =>
        IsOpen(status) && status != AccessRequestStatus.ChangesRequested && now > dueAt;

    public static AccessResult Decide(AccessRequest request, AccessDecisionKind decision, string reason, AccessActor by, DateTimeOffset now)
    {
        if (!IsOpen(request.Status))
        {
            return Refused(AccessRefusalKind.Conflict, $"The request is {Names.Of(request.Status)}; it takes no more decisions.");
        }

        if (request.Status == AccessRequestStatus.ChangesRequested)
        {
            return Refused(AccessRefusalKind.Conflict, "Changes were requested: the requester resubmits before the next decision.");
        }

        if (DeciderRefusal(request, decision, by) is { } refusal)
        {
            return refusal;
        }

        var approval = new AccessApproval(by.Actor, by.Principal?.Id, now, reason);
        var changed = decision switch
        {
            AccessDecisionKind.Reject => request with { Status = AccessRequestStatus.Rejected },

            // Approvals were given to the request as it stood; a changed request needs both again.
            AccessDecisionKind.RequestChanges => request with
            {
                Status = AccessRequestStatus.ChangesRequested, AgencyApproval = null, ReviewerApproval = null,
            },
            _ when by.Capacity == AccessDecider.Agency => request with { AgencyApproval = approval },
            _ => request with { ReviewerApproval = approval },
        };
        if (decision == AccessDecisionKind.Approve)
        {
            changed = changed with
            {
                Status = changed.AgencyApproval is not null && changed.ReviewerApproval is not null
                    ? AccessRequestStatus.Approved
                    : AccessRequestStatus.InReview,
            };
        }

        var action = $"{Names.Of(decision)} ({Names.Of(by.Capacity!.Value)})";
        return Changed(changed, now, by.Actor, action, reason);
    }

    public static AccessResult Resubmit(AccessRequest request, AccessRequestChanges changes, AccessActor by, DateTimeOffset now)
    {
        if (by.Principal?.Id != request.RequesterId)
        {
            return Refused(AccessRefusalKind.Forbidden, "Only the requester resubmits a request.");
        }

        if (request.Status != AccessRequestStatus.ChangesRequested)
        {
            return Refused(AccessRefusalKind.Conflict, $"The request is {Names.Of(request.Status)}: only a request whose changes were asked for is resubmitted.");
        }

        var changed = request with
        {
            Status = AccessRequestStatus.Resubmitted,
            PurposeText = changes.PurposeText is null ? request.PurposeText : Trimmed(changes.PurposeText),
            ProjectSummary = changes.ProjectSummary?.Trim() ?? request.ProjectSummary,
            Analysts = changes.Analysts is null ? request.Analysts : [.. changes.Analysts.Distinct()],
            PeriodDays = changes.PeriodDays ?? request.PeriodDays,
        };
        return Changed(changed, now, by.Actor, "resubmitted", changes.Note);
    }

    /// <summary>The shape of a resubmission, and its period against the request's tier.</summary>
    public static ValidationErrors ValidateChanges(AccessRequestChanges? changes, AccessRequest request)
    {
        var errors = new ValidationErrors();
        if (changes is null)
        {
            return errors.Add("$", "A JSON object is required.");
        }

        Rules.OptionalText(errors, "purposeText", changes.PurposeText, MaxPurposeTextLength);
        Rules.OptionalText(errors, "projectSummary", changes.ProjectSummary, MaxProjectSummaryLength);
        if (changes.ProjectSummary is not null && string.IsNullOrWhiteSpace(changes.ProjectSummary))
        {
            errors.Add("projectSummary", "must not be blank.");
        }

        if (changes.Analysts is not null)
        {
            Analysts(errors, changes.Analysts);
        }

        if (changes.PeriodDays is { } days && (days < 1 || PeriodError(request.Tier, days) is not null))
        {
            errors.Add("periodDays", PeriodError(request.Tier, days) ?? "must be at least 1 day.");
        }

        Rules.RequiredText(errors, "note", changes.Note, MaxReasonLength);
        return errors;
    }

    public static AccessResult Withdraw(AccessRequest request, string? reason, AccessActor by, DateTimeOffset now)
    {
        if (by.Principal?.Id != request.RequesterId)
        {
            return Refused(AccessRefusalKind.Forbidden, "Only the requester withdraws a request.");
        }

        return IsOpen(request.Status)
            ? Changed(request with { Status = AccessRequestStatus.Withdrawn }, now, by.Actor, "withdrawn", reason)
            : Refused(AccessRefusalKind.Conflict, $"The request is {Names.Of(request.Status)}; it can no longer be withdrawn.");
    }

    public static AccessResult Extend(AccessRequest request, int days, string reason, AccessActor by, DateTimeOffset now)
    {
        if (!IsOpen(request.Status))
        {
            return Refused(AccessRefusalKind.Conflict, $"The request is {Names.Of(request.Status)}; no decision is due.");
        }

        if (request.ExtensionReason is not null)
        {
            return Refused(AccessRefusalKind.Conflict, "The due date was extended once already; it is extended only once.");
        }

        return Changed(
            request with { DueAt = request.DueAt.AddDays(days), ExtensionReason = reason },
            now, by.Actor, $"due date extended by {days} days", reason);
    }

    /// <summary>Approval needs the providing institution and one reviewer; nobody decides a request of their own organisation.</summary>
    private static AccessResult? DeciderRefusal(AccessRequest request, AccessDecisionKind decision, AccessActor by)
    {
        switch (by.Capacity)
        {
            case AccessDecider.Reviewer when by.Principal is not { } reviewer:
                return Refused(AccessRefusalKind.Forbidden, "A reviewer decides with their own key.");
            case AccessDecider.Reviewer when by.Principal!.Id == request.RequesterId || by.Principal.Organisation == request.OrganisationId:
                return Refused(AccessRefusalKind.Forbidden, "A reviewer of the requester's organisation cannot decide its request.");
            case AccessDecider.Reviewer when by.Principal!.Organisation == request.InstitutionId:
                return Refused(AccessRefusalKind.Forbidden, "A reviewer of the providing institution cannot be the request's reviewer.");
            case AccessDecider.Reviewer when decision == AccessDecisionKind.Approve && request.ReviewerApproval is not null:
                return Refused(AccessRefusalKind.Conflict, $"A reviewer ({request.ReviewerApproval.Actor}) has approved already; one reviewer's approval is needed.");
            case AccessDecider.Agency when decision == AccessDecisionKind.Approve && request.AgencyApproval is not null:
                return Refused(AccessRefusalKind.Conflict, "The providing institution has approved already.");
            case AccessDecider.Admin when decision == AccessDecisionKind.Approve:
                return Refused(AccessRefusalKind.Forbidden, "Approval needs the providing institution and a reviewer; an admin may reject or ask for changes.");
            case null:
                return Refused(AccessRefusalKind.Forbidden, "Only the providing institution, a reviewer or an admin decides a request.");
            default:
                return null;
        }
    }

    private static void PurposeText(ValidationErrors errors, AccessPurpose? purpose, string? text)
    {
        Rules.OptionalText(errors, "purposeText", text, MaxPurposeTextLength);
        if (purpose == AccessPurpose.Other && string.IsNullOrWhiteSpace(text))
        {
            errors.Add("purposeText", "is required when the purpose is other.");
        }
    }

    private static void Analysts(ValidationErrors errors, IReadOnlyList<string>? analysts)
    {
        if (analysts is null || analysts.Count == 0)
        {
            errors.Add("analysts", "must name at least one registered requester.");
            return;
        }

        if (analysts.Count > MaxAnalysts)
        {
            errors.Add("analysts", $"must name at most {MaxAnalysts} people.");
            return;
        }

        for (var i = 0; i < analysts.Count; i++)
        {
            Rules.Id(errors, $"analysts[{i}]", analysts[i]);
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static AccessResult Changed(AccessRequest changed, DateTimeOffset now, string actor, string action, string? reason) =>
        new(changed with
        {
            Revision = changed.Revision + 1,
            History = [.. changed.History, new AccessHistoryEntry(now, actor, action, reason)],
        }, null, null);

    private static AccessResult Refused(AccessRefusalKind kind, string detail) => new(null, kind, detail);
}
