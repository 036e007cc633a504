namespace Census.Contracts.Catalogue;

/// <summary>One file of a published version's manifest, without its stored parts.</summary>
[GenerateSerializer, Immutable, Alias("census.CatalogueFile")]
public sealed record CatalogueFile(
    [property: Id(0)] string Path,
    [property: Id(1)] long Bytes,
    [property: Id(2)] string Sha256);
