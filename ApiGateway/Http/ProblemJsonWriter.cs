using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Census.ApiGateway.Http;

/// <summary>
/// Writes every problem the framework asks for — routing's 404, 405 and 415, the authentication
/// handler's 401 and 403, the exception handler's answers, and the routes' own problem results — as
/// <c>application/problem+json</c>, whatever the request's <c>Accept</c> says. The framework's own
/// writer declines when <c>Accept</c> names no JSON type (<c>text/csv</c>, which the report routes
/// invite, or a browser's <c>text/html</c>): the status-code pages then answer <c>text/plain</c>, and
/// the authentication handler, which must write its 401, fails with a 500. The shape of an error is
/// part of the contract (api.md "Errors"), not something a client negotiates.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;

        // The framework's defaults for the status (its RFC 9110 type and reason phrase), as its own writer sets them.
        var defaults = TypedResults.Problem(statusCode: problem.Status).ProblemDetails;
        problem.Type ??= defaults.Type;
        problem.Title ??= defaults.Title;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status404NotFound => "Nothing is found at this address.",
            StatusCodes.Status405MethodNotAllowed => $"This route does not accept {http.Request.Method}; the Allow header lists the methods it does.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            _ => null,
        };
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);

        // Not RequestAborted: a request past its deadline (RequestTimeouts) has that token canceled, and its 503
        // must still be written.
        return new ValueTask(http.Response.WriteAsJsonAsync(
            problem, problem.GetType(), jsonOptions.Value.SerializerOptions, ContentType, CancellationToken.None));
    }
}
