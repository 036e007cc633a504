using Census.ApiGateway.Apis;
using Census.ApiGateway.Console.Auth;

namespace Census.ApiGateway.Console.Components.Pages.Admin;

/// <summary>
/// The admin pages' downloads: a round's reports as CSV or xlsx, from <see cref="ReportsApi.File"/>, the producer the
/// API's reports routes answer with, so a file from the console and one from the API are the same file.
/// </summary>
public static class AdminConsoleFiles
{
    public static IEndpointRouteBuilder MapAdminConsoleFiles(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/console/admin/rounds/{id}/reports/{kind}.{format}", Report)
            .RequireAuthorization(ConsoleAuth.AdminPolicy)
            .ExcludeFromDescription();
        return routes;
    }

    /// <summary>The link to a report file, as the reports page writes it.</summary>
    public static string ReportLink(string roundId, ReportsApi.ReportKind kind, ReportsApi.ReportFormat format) =>
        $"/console/admin/rounds/{Uri.EscapeDataString(roundId)}/reports/{(kind == ReportsApi.ReportKind.Institutions ? "institutions" : "sectors")}.{(format == ReportsApi.ReportFormat.Csv ? "csv" : "xlsx")}";

    private static async Task<IResult> Report(string id, string kind, string format, IGrainFactory grains, HttpContext context)
    {
        ReportsApi.ReportKind? which = kind switch
        {
            "institutions" => ReportsApi.ReportKind.Institutions,
            "sectors" => ReportsApi.ReportKind.Sectors,
            _ => null,
        };
        ReportsApi.ReportFormat? how = format switch
        {
            "csv" => ReportsApi.ReportFormat.Csv,
            "xlsx" => ReportsApi.ReportFormat.Xlsx,
            _ => null,
        };
        return which is { } k && how is { } f
            ? await ReportsApi.File(id, k, f, grains, context.RequestAborted)
            : TypedResults.NotFound();
    }
}
