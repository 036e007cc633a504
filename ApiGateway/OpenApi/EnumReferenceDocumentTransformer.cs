using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// A list of an enumeration (<c>processingPlan</c>) refers to the enumeration's component instead of
/// repeating its values, so a generated client has one type for it, not one per member. An enumeration's component is
/// never itself nullable: when the generator first met the type as a nullable member (<c>tier?</c>), the component took
/// that member's <c>null</c>; members say "or null" with <c>oneOf</c> around the reference, so the component loses it.
/// </summary>
public sealed class EnumReferenceDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var components = document.Components?.Schemas;
        foreach (var schema in components?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Enum is { Count: > 0 } values && schema.Type == (JsonSchemaType.String | JsonSchemaType.Null))
            {
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. values.Where(v => v is not null)];
            }

            foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
            {
                if (property.Items is OpenApiSchema { Metadata: { } metadata } &&
                    metadata.TryGetValue(EnumSchemaTransformer.ComponentName, out var name) && name is string component &&
                    components!.ContainsKey(component))
                {
                    property.Items = new OpenApiSchemaReference(component, document);
                }
            }
        }

        return Task.CompletedTask;
    }
}
