using Census.Contracts.Provision;

namespace Census.Contracts.Releases;

/// <summary>
/// One version of a dataset's release (provision.md §1 "Release") with its manifest. A draft gathers files; a published
/// release never changes, and a correction is a new version. <see cref="Revision"/> grows with every change (the ETag).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.Release")]
public sealed record Release(
    [property: Id(0)] string InstitutionId,
    [property: Id(1)] string DatasetId,
    [property: Id(2)] string Version,
    [property: Id(3)] ReleaseState State,
    [property: Id(4)] string RoundId,
    [property: Id(5)] ReleaseTier Tier,
    [property: Id(6)] string? Notes,
    [property: Id(7)] IReadOnlyList<ReleaseFile> Files,
    [property: Id(8)] long TotalBytes,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] string CreatedBy,
    [property: Id(11)] DateTimeOffset? PublishedAt,
    [property: Id(12)] string? PublishedBy,
    [property: Id(13)] int Revision)
{
    /// <summary>The licence the data is provided under (the delivered record's); null for releases drafted before it was kept.</summary>
    [Id(14)] public Census.Contracts.Surveys.License? License { get; init; }
}
