namespace Census.Contracts.Idempotency;

/// <summary>What the idempotency store says about a request with an <c>Idempotency-Key</c>.</summary>
/// <param name="Outcome">Run the request, replay a reply, or refuse it.</param>
/// <param name="ClaimId">With <see cref="IdempotencyOutcome.Proceed"/>: the claim to complete or release.</param>
/// <param name="SealedReply">With <see cref="IdempotencyOutcome.Replay"/>: the first reply, sealed by the gateway.</param>
/// <param name="RetryAfter">With <see cref="IdempotencyOutcome.InFlight"/>: when the running request's claim runs out.</param>
[GenerateSerializer, Immutable, Alias("census.IdempotencyClaim")]
public sealed record IdempotencyClaim(
    [property: Id(0)] IdempotencyOutcome Outcome,
    [property: Id(1)] Guid ClaimId,
    [property: Id(2)] byte[]? SealedReply,
    [property: Id(3)] TimeSpan RetryAfter);
