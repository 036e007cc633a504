namespace Census.Contracts.Exports;

/// <summary>An export request as queues and lists show it, without its files.</summary>
[GenerateSerializer, Immutable, Alias("census.ExportSummary")]
public sealed record ExportSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string RequesterId,
    [property: Id(2)] string OrganisationId,
    [property: Id(3)] string InstitutionId,
    [property: Id(4)] string DatasetId,
    [property: Id(5)] ExportStatus Status,
    [property: Id(6)] CheckOutcome Checks,
    [property: Id(7)] int Files,
    [property: Id(8)] int Approvals,
    [property: Id(9)] DateTimeOffset SubmittedAt);
