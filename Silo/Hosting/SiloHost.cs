using Census.Hosting.Health;
using Census.Hosting;
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
        var census = builder.Services.AddCensusSettings(configuration);
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

        builder.Services.AddCensusSiloChecks(configuration);
        return builder;
    }

    public static WebApplication UseCensusSiloHost(this WebApplication app)
    {
        app.MapCensusOperations();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CensusOptions>>().Value.Dashboard.Enabled)
        {
            app.MapOrleansDashboard(DashboardPath);
        }

        return app;
    }
}
