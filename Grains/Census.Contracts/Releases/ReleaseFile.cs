namespace Census.Contracts.Releases;

/// <summary>
/// One file of a release's manifest: its relative path, size and SHA-256, and the stored parts it is made of, in order
/// (one part when the file is stored whole; the part then has the file's own size and hash).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ReleaseFile")]
public sealed record ReleaseFile(
    [property: Id(0)] string Path,
    [property: Id(1)] long Bytes,
    [property: Id(2)] string Sha256,
    [property: Id(3)] IReadOnlyList<ReleaseFilePart> Parts);
