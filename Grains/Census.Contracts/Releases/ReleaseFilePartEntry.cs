using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Releases;

/// <summary>One part of a file stored in parts: an uploaded blob's SHA-256 and size.</summary>
public sealed record ReleaseFilePartEntry
{
    [Required] public string? Sha256 { get; init; }

    [Required] public long? Bytes { get; init; }
}
