namespace Census.Contracts.Access;

/// <summary>A request as queues list it.</summary>
[GenerateSerializer, Immutable, Alias("census.AccessRequestSummary")]
public sealed record AccessRequestSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] string DatasetId,
    [property: Id(3)] string Version,
    [property: Id(4)] Census.Contracts.Provision.ReleaseTier Tier,
    [property: Id(5)] string RequesterId,
    [property: Id(6)] string OrganisationId,
    [property: Id(7)] AccessPurpose Purpose,
    [property: Id(8)] AccessRequestStatus Status,
    [property: Id(9)] DateTimeOffset SubmittedAt,
    [property: Id(10)] DateTimeOffset DueAt,
    [property: Id(11)] bool AgencyApproved,
    [property: Id(12)] bool ReviewerApproved,
    [property: Id(13)] string? GrantId);
