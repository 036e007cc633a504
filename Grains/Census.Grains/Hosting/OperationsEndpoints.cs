using Census.Grains.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Census.Grains.Hosting;

/// <summary>
/// The probe and scrape routes every census process serves: <c>/health/live</c>, <c>/health/ready</c>
/// (the health checks tagged <see cref="ReadyTag"/>) and <c>/metrics</c>. They take no key and skip
/// the rest of the pipeline (authentication included), so a probe works whatever the caller sends and
/// whatever state the cluster is in; they belong on an internal network.
/// </summary>
public static class OperationsEndpoints
{
    public const string ReadyTag = "ready";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";

    public static IEndpointRouteBuilder MapCensusOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponses.WriteAsync,
        }).ShortCircuit();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponses.WriteAsync,
        }).ShortCircuit();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).ShortCircuit();
        return endpoints;
    }

    public static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
