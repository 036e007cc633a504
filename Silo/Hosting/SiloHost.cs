using Census.Grains.Health;
using Census.Grains.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Dashboard;

namespace Census.Silo.Hosting;

/// <summary>
/// What the Silo process registers and maps besides the silo itself (<see cref="SiloHosting.AddCensusSilo"/>):
/// its HTTP endpoint with probes, metrics and, when enabled, the Orleans dashboard.
/// </summary>
public static class SiloHost
{
    /// <summary>Where the silo's HTTP endpoint listens unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5090";

    public const string DashboardPath = "/dashboard";

    public static WebApplicationBuilder AddCensusSiloHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var census = SiloHosting.ReadOptions(configuration);
        ListenAddress.UseDefaultUnlessConfigured(builder, DefaultUrl);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.UseOrleans(silo =>
        {
            silo.AddCensusSilo(configuration);
            if (census.Dashboard.Enabled)
            {
                silo.AddDashboard();
            }
        });
        builder.AddCensusTelemetry("census-silo");

        var connectionString = ConnectionStrings.Require(configuration);
        builder.Services.AddHealthChecks()
            .AddCheck<SiloMembershipHealthCheck>("silo", tags: [OperationsEndpoints.ReadyTag])
            .Add(new HealthCheckRegistration("database", _ => new PostgresHealthCheck(connectionString), null, [OperationsEndpoints.ReadyTag]));
        return builder;
    }

    public static WebApplication UseCensusSiloHost(this WebApplication app)
    {
        app.MapCensusOperations();
        if (SiloHosting.ReadOptions(app.Configuration).Dashboard.Enabled)
        {
            app.MapOrleansDashboard(DashboardPath);
        }

        return app;
    }
}
