using Census.ApiGateway.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// The write guards as header parameters (api.md "Conventions"): <c>Idempotency-Key</c> on every POST and
/// PUT, <c>If-Match</c> on writes to a resource with revisions, and the <c>ETag</c> such a resource answers with.
/// </summary>
public sealed class WriteHeaderTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var traits = OperationTraits.Of(context.Description, context.ApplicationServices);
        if (traits.TakesIdempotencyKey)
        {
            AddHeader(operation, Preconditions.IdempotencyKeyHeader, new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = Preconditions.MaxIdempotencyKeyLength,
                Pattern = "^[!-~]+$",
            }, "A key the client makes for this request (visible ASCII). A repeat with the same key and body returns the first " +
               "response and changes nothing, through any gateway, for at least 24 hours; the same key with another body is 422.");
        }

        if (traits.HonoursIfMatch)
        {
            AddHeader(operation, HeaderNames.IfMatch, new OpenApiSchema { Type = JsonSchemaType.String },
                "Proceed only if the resource is still at one of these revisions, e.g. \"3\" or \"3\", \"4\" (RFC 9110); 412 otherwise.");
        }

        if (traits.HasRevision && operation.Responses is { } responses)
        {
            foreach (var (code, response) in responses)
            {
                if (code is "200" or "201" && response is OpenApiResponse { } success)
                {
                    success.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                    success.Headers[HeaderNames.ETag] = new OpenApiHeader
                    {
                        Description = "The record's revision as a strong tag, e.g. \"3\": send it back in If-Match.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    };
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void AddHeader(OpenApiOperation operation, string name, OpenApiSchema schema, string description)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = schema,
        });
    }
}
