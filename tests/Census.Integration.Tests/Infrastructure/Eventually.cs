namespace Census.Integration.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes; for events a test cannot await directly.</summary>
public static class Eventually
{
    public static async Task<T> Succeeds<T>(Func<Task<T>> attempt, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        T result = default!;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                result = await attempt();
                if (done(result))
                {
                    return result;
                }
            }
            catch (Exception e)
            {
                last = e;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{what} did not happen within {timeout}. Last result: {result}; last error: {last?.Message}");
    }
}
