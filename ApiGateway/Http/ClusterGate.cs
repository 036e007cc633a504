using Census.Hosting;

namespace Census.ApiGateway.Http;

/// <summary>
/// A cluster-mode gateway starts listening before it has reached the cluster (the Orleans client keeps retrying,
/// see ClusterConnectRetry, in the background: ClusterConnection). Until it has connected, API requests get 503 with
/// Retry-After instead of failing inside Orleans. Health, metrics and the API description stay served.
/// </summary>
internal static class ClusterGate
{
    public static WebApplication UseClusterGate(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CensusOptions>>().Value.Mode != CensusMode.Cluster)
        {
            return app;
        }

        var connection = app.Services.GetRequiredService<ClusterConnection>();
        var problems = app.Services.GetRequiredService<IProblemDetailsService>();
        app.Use(async (context, next) =>
        {
            if (!connection.IsConnected && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await ClusterUnavailableHandler.WriteAsync(problems, context);
                return;
            }

            await next(context);
        });
        return app;
    }
}
