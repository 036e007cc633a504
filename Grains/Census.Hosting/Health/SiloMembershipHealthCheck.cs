using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Census.Hosting.Health;

/// <summary>
/// A silo process is ready when the cluster's membership lists this very silo as active: joining,
/// shutting down or declared dead are not ready, whatever the other silos do.
/// </summary>
public sealed class SiloMembershipHealthCheck(ILocalSiloDetails silo, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.SiloAddress} is active in cluster {silo.ClusterId}.")
            : HealthCheckResult.Unhealthy($"Silo {silo.SiloAddress} is {status}, not active."));
    }
}
