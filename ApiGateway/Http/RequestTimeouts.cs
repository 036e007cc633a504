using Microsoft.AspNetCore.Http.Timeouts;

namespace Census.ApiGateway.Http;

/// <summary>
/// Every request has a deadline (<c>Census:RequestTimeout</c>, default 30 s, Orleans' own call timeout): when it
/// passes, <see cref="HttpContext.RequestAborted"/> is canceled — grain calls that take the token stop — and the
/// client gets 503 with Retry-After, as for any other overload, never a 500.
/// </summary>
internal static class RequestTimeouts
{
    public const string Setting = "Census:RequestTimeout";

    public static IServiceCollection AddCensusRequestTimeouts(this IServiceCollection services, IConfiguration configuration)
    {
        var timeout = configuration.GetValue(Setting, TimeSpan.FromSeconds(30));
        if (timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Setting} must be a positive time span, e.g. 00:00:30.");
        }

        services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = timeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = async context =>
                await ClusterUnavailableHandler.WriteAsync(context.RequestServices.GetRequiredService<IProblemDetailsService>(), context),
        });
        return services;
    }
}
