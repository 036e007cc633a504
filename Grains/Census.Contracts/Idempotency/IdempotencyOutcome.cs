namespace Census.Contracts.Idempotency;

/// <summary>The store's answer to a request with an <c>Idempotency-Key</c>.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is this request's now: run it, then complete or release the claim.</summary>
    Proceed,

    /// <summary>The same request completed before: answer with its reply.</summary>
    Replay,

    /// <summary>The same request is still running elsewhere: 409 with Retry-After.</summary>
    InFlight,

    /// <summary>The key was used for a different request: 422.</summary>
    OtherRequest,
}
