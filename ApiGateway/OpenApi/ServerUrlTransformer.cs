using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// The server address is taken from the request that asked for the document and ends in a slash; every
/// path already starts with one, so a client joining the two would ask for <c>//api/…</c>.
/// </summary>
public sealed class ServerUrlTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        return Task.CompletedTask;
    }
}
