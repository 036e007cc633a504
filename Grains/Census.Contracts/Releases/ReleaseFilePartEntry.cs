namespace Census.Contracts.Releases;

/// <summary>One part of a file stored in parts: an uploaded blob's SHA-256 and size.</summary>
public sealed record ReleaseFilePartEntry(string Sha256, long Bytes);
