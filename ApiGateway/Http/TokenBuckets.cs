using System.Collections.Concurrent;

namespace Census.ApiGateway.Http;

/// <summary>
/// Token buckets by partition name (a key, an admin key, a client address), refilled lazily from the clock. Unlike
/// the framework's buckets these can be charged into debt, which is what makes a failed verification expensive.
/// A bucket that has refilled completely is the same as a new one, so such buckets are dropped now and then.
/// </summary>
internal sealed class TokenBuckets(RateLimitOptions options, TimeProvider clock)
{
    private const int PruneEvery = 4096;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _operations;

    public int Count => _buckets.Count;

    /// <summary>Takes one permit; false (and how long until one is there) when the bucket is empty or in debt.</summary>
    public bool TryTake(string partition, out TimeSpan retryAfter)
    {
        var bucket = BucketFor(partition);
        lock (bucket)
        {
            Refill(bucket);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - bucket.Tokens) / options.PermitsPerSecond);
            return false;
        }
    }

    /// <summary>Takes permits whether or not they are there, down to a debt of one burst.</summary>
    public void Charge(string partition, int permits)
    {
        var bucket = BucketFor(partition);
        lock (bucket)
        {
            Refill(bucket);
            bucket.Tokens = Math.Max(-options.Burst, bucket.Tokens - permits);
        }
    }

    private Bucket BucketFor(string partition)
    {
        if (Interlocked.Increment(ref _operations) % PruneEvery == 0)
        {
            Prune();
        }

        return _buckets.GetOrAdd(partition, static (_, state) => new Bucket(state.Burst, state.Now), (Burst: (double)options.Burst, Now: clock.GetTimestamp()));
    }

    private void Refill(Bucket bucket)
    {
        var now = clock.GetTimestamp();
        var elapsed = clock.GetElapsedTime(bucket.Stamp, now);
        bucket.Stamp = now;
        bucket.Tokens = Math.Min(options.Burst, bucket.Tokens + (elapsed.TotalSeconds * options.PermitsPerSecond));
    }

    private void Prune()
    {
        foreach (var entry in _buckets)
        {
            bool full;
            lock (entry.Value)
            {
                Refill(entry.Value);
                full = entry.Value.Tokens >= options.Burst;
            }

            if (full)
            {
                _buckets.TryRemove(entry);
            }
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
