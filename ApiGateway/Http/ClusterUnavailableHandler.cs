using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;

namespace Census.ApiGateway.Http;

/// <summary>
/// Turns "the cluster cannot be reached right now" into 503 with Retry-After, never 500: the client
/// can retry, and the gateway reconnects by itself.
/// </summary>
public sealed class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or the request timed out, which RequestTimeouts answers): nothing to report.
            logger.LogDebug("Request {Method} {Path} canceled by the client", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.StatusCode = 499;
            return true;
        }

        if (!IsTransient(exception))
        {
            return false;
        }

        logger.LogWarning("Cluster unavailable for {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        return await WriteAsync(problems, httpContext, exception);
    }

    /// <summary>Writes the 503 problem with Retry-After: for a failed call, or before the gateway has reached the cluster at all.</summary>
    public static ValueTask<bool> WriteAsync(IProblemDetailsService problems, HttpContext httpContext, Exception? exception = null)
    {
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The census cluster or its database is not reachable right now. Retry after the indicated delay.",
            },
        });
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException => true,
        // The database behind the grains is down or restarting: the client should retry, as above.
        System.Data.Common.DbException or Orleans.Storage.InconsistentStateException => true,
        OrleansException { InnerException: { } inner } => IsTransient(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsTransient(aggregate.InnerExceptions[0]),
        _ => false,
    };
}
