namespace Census.Contracts.Releases;

/// <summary>One stored part of a file released in parts: its place (from 0), size and SHA-256 (64 lower-case hex digits).</summary>
[GenerateSerializer, Immutable, Alias("census.ReleaseFilePart")]
public sealed record ReleaseFilePart(
    [property: Id(0)] int Index,
    [property: Id(1)] long Bytes,
    [property: Id(2)] string Sha256);
