using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Releases;

/// <summary>
/// The body that adds or replaces a file of a draft: the whole file's SHA-256 and size, and when it is stored in parts,
/// those parts in order (each an uploaded blob). Without parts the file is one uploaded blob of that hash.
/// </summary>
public sealed record ReleaseFileEntry
{
    /// <summary>The whole file's SHA-256, 64 lower-case hex digits.</summary>
    [Required] public string? Sha256 { get; init; }

    /// <summary>The whole file's size, 1 byte to 64 GiB.</summary>
    [Required] public long? Bytes { get; init; }

    public IReadOnlyList<ReleaseFilePartEntry>? Parts { get; init; }
}
