namespace Census.Contracts.Exports;

/// <summary>
/// A request to let files out of a safe zone (provision.md §2 "Output checking"), asked under a safe-zone grant of
/// one dataset: the files, the automatic checks run at submission, the checkers' decisions and the status they give.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ExportRequest")]
public sealed record ExportRequest(
    [property: Id(0)] string Id,
    [property: Id(1)] string GrantId,
    [property: Id(2)] string InstitutionId,
    [property: Id(3)] string DatasetId,
    [property: Id(4)] string RequesterId,
    [property: Id(5)] string OrganisationId,
    [property: Id(6)] IReadOnlyList<ExportFile> Files,
    [property: Id(7)] string? Notes,
    [property: Id(8)] ExportChecks Checks,
    [property: Id(9)] ExportStatus Status,
    [property: Id(10)] IReadOnlyList<ExportDecision> Decisions,
    [property: Id(11)] DateTimeOffset SubmittedAt,
    [property: Id(12)] string SubmittedBy,
    [property: Id(13)] DateTimeOffset? DecidedAt);
