using System.ComponentModel.DataAnnotations;

namespace Census.ApiGateway.Http;

/// <summary>The <c>Census:RateLimits</c> section: token buckets per verified key and per client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Census:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests a bucket refills per second, sustained; below 1, one request every 1 / rate seconds.</summary>
    [Range(0.0001, 1_000_000)]
    public double PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a bucket allows at once after being idle (the bucket's size).</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 200;

    /// <summary>
    /// Permits a failed key verification (a well-formed agency key its institution refused) takes from the client
    /// address's bucket, on top of the one every unverified request takes. The bucket may go into debt (down to
    /// minus <see cref="Burst"/>), so a stream of forged keys from one address reaches the cluster at most
    /// PermitsPerSecond / (1 + this) times a second.
    /// </summary>
    [Range(0, 1_000_000)]
    public int FailedVerificationCost { get; set; } = 10;
}
