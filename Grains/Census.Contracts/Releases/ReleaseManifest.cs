namespace Census.Contracts.Releases;

/// <summary>What a client verifies a download against: every file of one release version with its parts, sizes and hashes.</summary>
public sealed record ReleaseManifest(
    string InstitutionId,
    string DatasetId,
    string Version,
    ReleaseState State,
    IReadOnlyList<ReleaseFile> Files,
    long TotalBytes,
    DateTimeOffset? PublishedAt)
{
    public static ReleaseManifest Of(Release release) => new(
        release.InstitutionId, release.DatasetId, release.Version, release.State, release.Files, release.TotalBytes, release.PublishedAt);
}
