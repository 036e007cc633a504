namespace Census.ApiGateway.Releases;

/// <summary>What an upload session keeps beside its partial file, so that any gateway sharing the store can continue it.</summary>
public sealed record UploadSession(string Sha256, long Bytes, DateTimeOffset CreatedAt, bool Complete);
