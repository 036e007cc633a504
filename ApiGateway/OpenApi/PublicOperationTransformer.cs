using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// The document requires the API key everywhere (BearerSecurityTransformer); a public operation (one that
/// allows anonymous callers, such as the finalized selection's catalogue) says so with an empty security
/// list, as OpenAPI defines, so generated clients send no key and readers see it is public.
/// </summary>
public sealed class PublicOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var traits = OperationTraits.Of(context.Description, context.ApplicationServices);
        if (traits.IsApi && !traits.RequiresKey)
        {
            operation.Security = [];
        }

        return Task.CompletedTask;
    }
}
