namespace Census.ApiGateway.Releases;

/// <summary>An upload: what it will store, how many bytes have arrived (send the next chunk from there), and whether the blob is stored.</summary>
public sealed record Upload(string Id, string Sha256, long Bytes, long Received, bool Complete);
