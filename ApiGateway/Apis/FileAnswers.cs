using Microsoft.OpenApi;

namespace Census.ApiGateway.Apis;

/// <summary>
/// Documents a route's file answers (CSV text, an xlsx workbook) beside whatever 200 it already declares: the
/// framework's <c>Produces</c> gives one schema to all of a status's media types, which would make a JSON page
/// a "string" or a workbook a JSON object.
/// </summary>
public static class FileAnswers
{
    public const string Csv = "text/csv";

    public static RouteHandlerBuilder ProducesFiles(this RouteHandlerBuilder route, params string[] mediaTypes) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            if (!operation.Responses.TryGetValue("200", out var answer))
            {
                answer = new OpenApiResponse { Description = "OK" };
                operation.Responses["200"] = answer;
            }

            if (answer is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                foreach (var mediaType in mediaTypes)
                {
                    response.Content[mediaType] = new OpenApiMediaType
                    {
                        Schema = mediaType == Csv
                            ? new OpenApiSchema { Type = JsonSchemaType.String }
                            : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    };
                }
            }

            return Task.CompletedTask;
        });
}
