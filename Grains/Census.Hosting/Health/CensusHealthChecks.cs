using Census.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Census.Hosting.Health;

/// <summary>The readiness checks of each kind of census process.</summary>
public static class CensusHealthChecks
{
    /// <summary>
    /// A gateway is ready when it reaches the cluster and the store behind it: PostgreSQL in cluster
    /// mode, the SQLite file of its in-process silo in local mode.
    /// </summary>
    public static IHealthChecksBuilder AddCensusGatewayChecks(this IServiceCollection services, CensusOptions options, IConfiguration configuration)
    {
        var health = services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [OperationsEndpoints.ReadyTag]);
        if (options.Mode == CensusMode.Cluster)
        {
            var connectionString = ConnectionStrings.Require(configuration);
            health.Add(new HealthCheckRegistration("database", _ => new PostgresHealthCheck(connectionString), null, [OperationsEndpoints.ReadyTag]));
        }
        else
        {
            health.Add(new HealthCheckRegistration("local-store", sp => new LocalStoreHealthCheck(sp.GetRequiredService<LocalStore>()), null, [OperationsEndpoints.ReadyTag]));
        }

        return health;
    }

    /// <summary>A silo is ready when it is an active member of its cluster and reaches PostgreSQL.</summary>
    public static IHealthChecksBuilder AddCensusSiloChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = ConnectionStrings.Require(configuration);
        return services.AddHealthChecks()
            .AddCheck<SiloMembershipHealthCheck>("silo", tags: [OperationsEndpoints.ReadyTag])
            .Add(new HealthCheckRegistration("database", _ => new PostgresHealthCheck(connectionString), null, [OperationsEndpoints.ReadyTag]));
    }
}
