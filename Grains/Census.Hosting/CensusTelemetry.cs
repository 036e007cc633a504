using Census.Grains.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansActivitySources = Orleans.Diagnostics.ActivitySources;

namespace Census.Hosting;

/// <summary>
/// Metrics and traces of a census process, silo or gateway alike: what is measured and traced lives
/// here, once. Metrics are always collected and served in Prometheus text at <see cref="OperationsEndpoints.MetricsPath"/>;
/// traces, metrics and logs are also pushed over OTLP when the standard <see cref="OtlpEndpointSetting"/>
/// is set, and nothing is exported otherwise.
/// </summary>
public static class CensusTelemetry
{
    /// <summary>The OpenTelemetry SDK's own setting (an environment variable, or any configuration source).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Meters beyond the ASP.NET Core, runtime and Npgsql ones their instrumentation adds: the census's
    /// own counters and Orleans' (grain calls, activations, storage latency, messaging, membership).
    /// </summary>
    public static readonly IReadOnlyList<string> Meters = [CensusMetrics.MeterName, "Microsoft.Orleans"];

    /// <summary>Orleans' spans: grain calls made by application code and by the runtime, and grain storage.</summary>
    public static readonly IReadOnlyList<string> ActivitySources =
    [
        OrleansActivitySources.ApplicationGrainActivitySourceName,
        OrleansActivitySources.RuntimeActivitySourceName,
        OrleansActivitySources.StorageActivitySourceName,
    ];

    /// <summary>Registers the census meter and the OpenTelemetry pipeline under <paramref name="serviceName"/>.</summary>
    public static IHostApplicationBuilder AddCensusTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddCensusMetrics();
        var telemetry = builder.Services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, win over the name given here.
            .ConfigureResource(r => r.AddService(serviceName).AddEnvironmentVariableDetector())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter([.. Meters])
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                // Scrapes and probes every few seconds would drown the requests worth tracing.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !OperationsEndpoints.IsOperationsPath(context.Request.Path))
                .AddNpgsql()
                .AddSource([.. ActivitySources]));
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            // Reads the endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* settings.
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
