namespace Census.Contracts.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> of one caller, for the POST and PUT routes (api.md "Conventions"). Key: the hex
/// SHA-256 of the caller's scope and the client's key, so the store never holds the client's key. The reply is
/// kept sealed (encrypted by the gateway with a key derived from the client's key), so the store alone cannot
/// read it: an issued API key in a reply stays secret. A record lives 24 hours after its request completed
/// (<see cref="Retention"/>); a reminder then removes it, and an expired record is ignored even before that.
/// </summary>
[Alias("census.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>How long a completed request's reply is replayed.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// Claims the key for a request (<paramref name="requestHash"/>: its method, path and body). Proceed when the key
    /// is new (or its record expired, or an earlier claim's <paramref name="lease"/> ran out without completing);
    /// Replay with the sealed reply when the same request completed; InFlight while it runs; OtherRequest when the
    /// key was used for a different request.
    /// </summary>
    [Alias("Claim")]
    Task<IdempotencyClaim> Claim(string requestHash, TimeSpan lease);

    /// <summary>Stores the sealed reply of the claim; ignored when the claim is no longer the current one.</summary>
    [Alias("Complete")]
    Task Complete(Guid claimId, byte[] sealedReply);

    /// <summary>
    /// Gives the key back: the request was refused or failed (4xx, 5xx), so it changed nothing and nothing of it is
    /// kept — the record and its reminder are removed, and a retry runs anew.
    /// </summary>
    [Alias("Release")]
    Task Release(Guid claimId);
}
