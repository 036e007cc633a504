namespace Census.Contracts.Access;

/// <summary>
/// A request for restricted or safe-zone-only data (provision.md §2): the release version, purpose, project, analysts,
/// period and the agreement version accepted; the workflow's state, due date, approvals, history and, once approved,
/// the grant it gave.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.AccessRequest")]
public sealed record AccessRequest(
    [property: Id(0)] string Id,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] string DatasetId,
    [property: Id(3)] string Version,
    [property: Id(4)] Census.Contracts.Provision.ReleaseTier Tier,
    [property: Id(5)] string RequesterId,
    [property: Id(6)] string OrganisationId,
    [property: Id(7)] OrganisationKind OrganisationKind,
    [property: Id(8)] AccessPurpose Purpose,
    [property: Id(9)] string? PurposeText,
    [property: Id(10)] string ProjectSummary,
    [property: Id(11)] IReadOnlyList<string> Analysts,
    [property: Id(12)] int PeriodDays,
    [property: Id(13)] int AgreementVersion,
    [property: Id(14)] AccessRequestStatus Status,
    [property: Id(15)] DateTimeOffset SubmittedAt,
    [property: Id(16)] DateTimeOffset DueAt,
    [property: Id(17)] string? ExtensionReason,
    [property: Id(18)] AccessApproval? AgencyApproval,
    [property: Id(19)] AccessApproval? ReviewerApproval,
    [property: Id(20)] string? GrantId,
    [property: Id(21)] IReadOnlyList<AccessHistoryEntry> History,
    [property: Id(22)] int Revision);
