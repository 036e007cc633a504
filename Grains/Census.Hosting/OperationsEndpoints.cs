using Census.Hosting.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Census.Hosting;

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
        // Probes and scrapes read (GET, or HEAD for the status alone); any other method is a 405 like on every other route.
        string[] reads = [HttpMethods.Get, HttpMethods.Head];
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponses.WriteAsync,
        }).WithMetadata(new HttpMethodMetadata(reads)).ShortCircuit();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponses.WriteAsync,
        }).WithMetadata(new HttpMethodMetadata(reads)).ShortCircuit();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).WithMetadata(new HttpMethodMetadata(reads)).ShortCircuit();
        return endpoints;
    }

    public static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
