namespace Census.Grains.Surveys;

/// <summary>How a record remembers its idempotency keys: by age, with a count bound only for safety.</summary>
public static class IdempotencyMemory
{
    /// <summary>How long an idempotency key is remembered at least (api.md: 24 hours).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A safety bound on remembered keys per record, far above what 24 hours of honest retries need.</summary>
    public const int Capacity = 1_000;

    /// <summary>Adds <paramref name="memo"/>, dropping keys older than <see cref="Retention"/> at <paramref name="now"/> and the oldest beyond <see cref="Capacity"/>.</summary>
    public static void Remember(List<IdempotencyMemo> memos, IdempotencyMemo memo, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(memos);
        memos.RemoveAll(m => now - m.At > Retention);
        memos.Add(memo);
        if (memos.Count > Capacity)
        {
            memos.RemoveRange(0, memos.Count - Capacity);
        }
    }
}
