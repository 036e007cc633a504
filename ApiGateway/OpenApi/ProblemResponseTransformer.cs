using Census.ApiGateway.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// Documents every problem answer an operation can give, as application/problem+json, from what the
/// endpoint is (<see cref="OperationTraits"/>): a key → 401/403; path values → 400 (malformed id) and 404;
/// a body → 400/413/415; a write → 409; Idempotency-Key → 422; If-Match → 412; every /api route → 429
/// (rate limits) and 503 (cluster unavailable or request deadline).
/// </summary>
public sealed class ProblemResponseTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var traits = OperationTraits.Of(context.Description, context.ApplicationServices);
        operation.Responses ??= [];
        foreach (var (status, description) in Answers(traits, operation.RequestBody is not null))
        {
            var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(code))
            {
                continue;
            }

            var schema = status == StatusCodes.Status400BadRequest ? ProblemSchemas.ValidationProblem : ProblemSchemas.Problem;
            operation.Responses[code] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJsonWriter.ContentType] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
                },
                Headers = Headers(status),
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>The problem answers an operation with these traits can give, by status.</summary>
    public static SortedDictionary<int, string> Answers(OperationTraits traits, bool hasBody)
    {
        var answers = new SortedDictionary<int, string>();
        if (traits.HasPathValues || traits.HasQueryValues || hasBody || traits.TakesIdempotencyKey || traits.HonoursIfMatch)
        {
            answers[StatusCodes.Status400BadRequest] = "The request is not valid: errors names each field (or header) to correct. Nothing changed.";
        }

        if (traits.RequiresKey)
        {
            answers[StatusCodes.Status401Unauthorized] = "No API key, or one that is unknown or revoked.";
            answers[StatusCodes.Status403Forbidden] = "The key is known but may not do this (an agency key acting for another institution, or on an admin route).";
        }

        if (traits.HasPathValues)
        {
            answers[StatusCodes.Status404NotFound] = "Nothing exists at this address.";
        }

        if (traits.IsApi && traits.IsWrite)
        {
            answers[StatusCodes.Status409Conflict] = "The resource's state does not allow this (it already exists, or the round is in another state). Nothing changed.";
        }

        if (traits.HonoursIfMatch)
        {
            answers[StatusCodes.Status412PreconditionFailed] = "If-Match names no current revision: someone changed the resource since. Nothing changed.";
        }

        if (hasBody)
        {
            answers[StatusCodes.Status413PayloadTooLarge] = "The body is larger than the route takes: 1 MiB, or 64 MiB for an import file.";
            answers[StatusCodes.Status415UnsupportedMediaType] = "The body is not of a media type the route takes: application/json, or for an import file xlsx, text/csv or application/x-ndjson.";
        }

        if (traits.TakesIdempotencyKey)
        {
            answers[StatusCodes.Status422UnprocessableEntity] = "This Idempotency-Key was already used with another body. Nothing changed.";
        }

        if (traits.IsApi)
        {
            answers[StatusCodes.Status429TooManyRequests] = "Too many requests from this key or address; retry after Retry-After seconds.";
            answers[StatusCodes.Status503ServiceUnavailable] = "The cluster is unavailable or the request ran past its deadline; retry (with the same Idempotency-Key for a write).";
        }

        return answers;
    }

    private static Dictionary<string, IOpenApiHeader>? Headers(int status) => status switch
    {
        StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable => new()
        {
            ["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before retrying.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            },
        },
        StatusCodes.Status401Unauthorized => new()
        {
            ["WWW-Authenticate"] = new OpenApiHeader
            {
                Description = "The scheme to authenticate with (Bearer).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        },
        _ => null,
    };
}
