using Microsoft.Extensions.Logging;

namespace Census.Hosting;

/// <summary>
/// A cluster-mode gateway keeps trying to reach the cluster, however long its database or silos are away, instead
/// of exiting at start: it serves meanwhile (503 with Retry-After, /health/ready unhealthy) and connects as soon as
/// the cluster is back. The delay grows from 1 s to 10 s; a warning is logged on the first failure and every minute.
/// </summary>
public sealed partial class ClusterConnectRetry(ILogger<ClusterConnectRetry> logger, TimeProvider clock) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    private int _attempts;
    private DateTimeOffset _lastWarning = DateTimeOffset.MinValue;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        _attempts++;
        var now = clock.GetUtcNow();
        if (now - _lastWarning >= TimeSpan.FromMinutes(1))
        {
            _lastWarning = now;
            LogUnreachable(logger, _attempts, exception.Message);
        }

        var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, _attempts));
        try
        {
            await Task.Delay(delay, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster is not reachable yet (attempt {Attempts}): {Error}. Requests get 503 until it is; retrying.")]
    private static partial void LogUnreachable(ILogger logger, int attempts, string error);
}
