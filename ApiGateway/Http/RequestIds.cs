using Microsoft.AspNetCore.Http.Features;

namespace Census.ApiGateway.Http;

/// <summary>
/// Every response carries its request's id in <see cref="Header"/>: the id of the request's activity
/// (W3C format, <c>00-{traceId}-{spanId}-{flags}</c>), which is also the <c>traceId</c> of any problem
/// it returns and whose parts the log lines of the request carry (TraceId, SpanId scopes).
/// </summary>
public static class RequestIds
{
    public const string Header = "X-Request-Id";

    /// <summary>The request's own activity, not whatever activity happens to be current where this is asked.</summary>
    public static string Of(HttpContext context) =>
        context.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.TraceIdentifier;

    /// <summary>Adds the header as the response starts, so it survives the exception handler clearing the response.</summary>
    public static IApplicationBuilder UseRequestIdHeader(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                context.Response.Headers[Header] = Of(context);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
