namespace Census.Grains.Tests.Infrastructure;

/// <summary>Polling with a deadline, for what only a reminder makes happen.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Reads until <paramref name="done"/> holds, and returns that read; fails after the timeout.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow >= until)
            {
                throw new TimeoutException($"Gave up waiting after {timeout ?? DefaultTimeout}; last read: {value}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
