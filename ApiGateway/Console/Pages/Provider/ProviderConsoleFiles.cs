using Census.ApiGateway.Apis;
using Census.ApiGateway.Console.Auth;

using Census.ApiGateway.Console.Pages.Provider;

namespace Census.ApiGateway.Console;

/// <summary>
/// The providing agency's downloads: the monthly settlement statement as CSV or xlsx, answered by the API's own
/// settlement handler (same checks: an agency its own institution, an admin the one named by <c>?institutionId=</c>).
/// </summary>
public static class ProviderConsoleFiles
{
    public static IEndpointRouteBuilder MapProviderConsoleFiles(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(ProviderData.Settlements + "/{month}/{format:regex(^(csv|xlsx)$)}",
                (string month, string format, string? institutionId, HttpContext context, IGrainFactory grains) =>
                    ProviderData.Institution(context, string.IsNullOrWhiteSpace(institutionId) ? null : institutionId) is (string institution, null)
                        ? LedgerApi.Settlement(institution, month, format, context, grains)
                        : Task.FromResult<IResult>(TypedResults.Forbid()))
            .RequireAuthorization(ConsoleAuth.MemberPolicy)
            .ExcludeFromDescription();
        return routes;
    }
}
