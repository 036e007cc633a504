namespace Census.ApiGateway.Http;

/// <summary>What is replayed for a repeated Idempotency-Key: the first reply's status, headers that matter, and body.</summary>
internal sealed record StoredReply(int Status, Dictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The response headers a replay repeats.</summary>
    public static readonly string[] KeptHeaders = ["Location", "ETag", "Content-Type"];
}
