namespace Census.ApiGateway.Releases;

/// <summary>The body that begins an upload: the SHA-256 the whole content must hash to (64 lower-case hex digits) and its size (1 byte to 64 GiB).</summary>
public sealed record NewUpload(string Sha256, long Bytes);
