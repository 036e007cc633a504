using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// The second half of <see cref="RequiredMemberSchemaTransformer"/>: once the document is assembled, a
/// required member whose type is a component is <c>oneOf [null, $ref]</c>; it becomes the reference alone.
/// </summary>
public sealed class RequiredMemberDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Metadata?.TryGetValue(RequiredMemberSchemaTransformer.NonNullMembers, out var marked) != true ||
                marked is not HashSet<string> names || schema.Properties is not { } properties)
            {
                continue;
            }

            foreach (var name in names)
            {
                if (properties.TryGetValue(name, out var property))
                {
                    properties[name] = RequiredMemberSchemaTransformer.WithoutNull(property);
                }
            }
        }

        return Task.CompletedTask;
    }
}
