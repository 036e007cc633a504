namespace Census.Grains.Idempotency;

/// <summary>The durable state of one Idempotency-Key: the request it belongs to and, once done, its sealed reply.</summary>
[GenerateSerializer, Alias("census.IdempotencyState")]
public sealed class IdempotencyState
{
    /// <summary>SHA-256 of the request's method, path and body; null when the key is free.</summary>
    [Id(0)] public string? RequestHash { get; set; }

    [Id(1)] public Guid ClaimId { get; set; }

    /// <summary>Until when the running request holds the key; after that a retry may run it again.</summary>
    [Id(2)] public DateTimeOffset ClaimedUntil { get; set; }

    /// <summary>The reply, encrypted by the gateway with a key the store does not have.</summary>
    [Id(3)] public byte[]? SealedReply { get; set; }

    [Id(4)] public DateTimeOffset? CompletedAt { get; set; }
}
