using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// The two shapes every error has (api.md "Errors", RFC 9457): a problem, and a validation problem that
/// adds <c>errors</c> by JSON path. Both allow further members (the gateway adds <c>traceId</c>).
/// </summary>
public sealed class ProblemSchemas : IOpenApiDocumentTransformer
{
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "ValidationProblem";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[Problem] = Shape(
            "An error (RFC 9457), always sent as application/problem+json.", withErrors: false);
        document.Components.Schemas[ValidationProblem] = Shape(
            "A request that is not valid: each field to correct, by JSON path, with its messages.", withErrors: true);
        return Task.CompletedTask;
    }

    private static OpenApiSchema Shape(string description, bool withErrors)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = Text("A URI reference that identifies the problem type."),
            ["title"] = Text("A short summary of the problem type."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong with this request, for a person."),
            ["instance"] = Text("A URI reference that identifies this occurrence."),
            ["traceId"] = Text("The request's id, to quote when asking about it."),
        };
        if (withErrors)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages by the JSON path of the field (for example record.volume.records) or the header's name.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = properties,
            Required = withErrors ? new HashSet<string> { "title", "status", "errors" } : new HashSet<string> { "title", "status" },
            Examples = withErrors
                ? [new JsonObject
                {
                    ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    ["title"] = "The request is not valid.",
                    ["status"] = 400,
                    ["detail"] = "See errors for the fields to correct.",
                    ["errors"] = new JsonObject { ["sector"] = new JsonArray("must be one of: public-administration, …") },
                }]
                : null,
        };
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
