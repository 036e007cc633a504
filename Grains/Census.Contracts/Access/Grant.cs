namespace Census.Contracts.Access;

/// <summary>
/// A right of one requester (for one organisation) to use one release version of one dataset, from
/// <see cref="From"/> to <see cref="Until"/> (provision.md §2 "Grants"). <see cref="Status"/> is what was recorded;
/// whether it is live at a moment is <c>GrantRules.IsLive</c>, which also treats a passed <see cref="Until"/> as ended
/// before the expiry reminder has fired.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.Grant")]
public sealed record Grant(
    [property: Id(0)] string Id,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] string DatasetId,
    [property: Id(3)] string Version,
    [property: Id(4)] GrantKind Kind,
    [property: Id(5)] string RequesterId,
    [property: Id(6)] string OrganisationId,
    [property: Id(7)] string? RequestId,
    [property: Id(8)] string? AgreementVersion,
    [property: Id(9)] DateTimeOffset From,
    [property: Id(10)] DateTimeOffset Until,
    [property: Id(11)] GrantStatus Status,
    [property: Id(12)] DateTimeOffset IssuedAt,
    [property: Id(13)] string IssuedBy,
    [property: Id(14)] DateTimeOffset? EndedAt,
    [property: Id(15)] string? EndedBy,
    [property: Id(16)] string? EndReason)
{
    /// <summary>The kind of organisation the requester acts for, which usage is counted by.</summary>
    [Id(17)] public OrganisationKind? OrganisationKind { get; init; }
}
