using Census.ApiGateway.Apis;
using Census.ApiGateway.Console.Auth;
using Census.ApiGateway.Releases;

namespace Census.ApiGateway.Console;

/// <summary>
/// The requester's downloads: a console route (session cookie, requester policy) that answers with the very file, or
/// the very refusal, the API's grant download gives, by calling its handler; every download is recorded the same way.
/// Not part of the API's description.
/// </summary>
public static class RequesterConsoleFiles
{
    public static IEndpointRouteBuilder MapRequesterConsoleFiles(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/console/my/grants/{id}/files/{**path}",
                (string id, string path, HttpContext context, IGrainFactory grains, ContentStore store, TimeProvider clock) =>
                    GrantsApi.Download(id, path, context, grains, store, clock))
            .RequireAuthorization(ConsoleAuth.RequesterPolicy)
            .ExcludeFromDescription()
            .DisableRequestTimeout();
        return routes;
    }
}
