using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Census.ApiGateway.Hosting;

/// <summary>Describes the API-key bearer scheme in the OpenAPI document, so /docs can send a key.</summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Census API";
        document.Info.Description =
            "The national AI-training-data census: institutions, rounds, survey records, rankings. " +
            "Authenticate with 'Authorization: Bearer <api key>'.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An admin key from configuration, or an institution key issued by an admin.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
