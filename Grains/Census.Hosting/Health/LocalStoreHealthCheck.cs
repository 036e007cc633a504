using Census.Grains.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Census.Hosting.Health;

/// <summary>Local mode: ready when the embedded SQLite store opens and answers.</summary>
public sealed class LocalStoreHealthCheck(LocalStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await store.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The local store answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The local store does not answer: " + e.GetType().Name + ".");
        }
    }
}
