namespace Census.Contracts.Releases;

/// <summary>
/// The body that adds or replaces a file of a draft: the whole file's SHA-256 and size, and when it is stored in parts,
/// those parts in order (each an uploaded blob). Without parts the file is one uploaded blob of that hash.
/// </summary>
public sealed record ReleaseFileEntry(string Sha256, long Bytes, IReadOnlyList<ReleaseFilePartEntry>? Parts);
