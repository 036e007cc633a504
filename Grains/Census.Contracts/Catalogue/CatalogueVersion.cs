namespace Census.Contracts.Catalogue;

/// <summary>One published release version: when, how many files and bytes, and its manifest in summary (each file's path, size and SHA-256).</summary>
[GenerateSerializer, Immutable, Alias("census.CatalogueVersion")]
public sealed record CatalogueVersion(
    [property: Id(0)] string Version,
    [property: Id(1)] DateTimeOffset PublishedAt,
    [property: Id(2)] int Files,
    [property: Id(3)] long TotalBytes,
    [property: Id(4)] IReadOnlyList<CatalogueFile> Manifest,
    [property: Id(5)] string? Notes);
