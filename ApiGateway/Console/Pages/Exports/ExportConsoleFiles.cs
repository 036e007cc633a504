using Census.ApiGateway.Apis;
using Census.ApiGateway.Console.Auth;
using Census.ApiGateway.Releases;

namespace Census.ApiGateway.Console;

/// <summary>
/// An approved export's files for its requester: a console route (session cookie, requester policy) that answers with
/// what the API's download route would, by calling its handler (the same refusals, ledger entry and ranges).
/// </summary>
public static class ExportConsoleFiles
{
    public static IEndpointRouteBuilder MapExportConsoleFiles(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/console/my/exports/{exportId}/files/{**path}",
                (string exportId, string path, HttpContext context, IGrainFactory grains, ContentStore store) =>
                    ExportsApi.Download(exportId, path, context, grains, store))
            .RequireAuthorization(ConsoleAuth.RequesterPolicy)
            .ExcludeFromDescription();
        return routes;
    }
}
