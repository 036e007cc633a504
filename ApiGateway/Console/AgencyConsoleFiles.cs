using Census.ApiGateway.Apis;
using Census.ApiGateway.Console.Auth;
using Census.ApiGateway.Console.Components.Pages.Agency;

namespace Census.ApiGateway.Console;

/// <summary>
/// The agency pages' downloads: console routes (session cookie, agency policy) that answer with the very file the API
/// route would, by calling the API's own handler. Not part of the API's description.
/// </summary>
public static class AgencyConsoleFiles
{
    public static IEndpointRouteBuilder MapAgencyConsoleFiles(this IEndpointRouteBuilder routes)
    {
        var files = routes.MapGroup("/console/agency/rounds/{roundId}")
            .RequireAuthorization(ConsoleAuth.AgencyPolicy)
            .ExcludeFromDescription();

        files.MapGet("/datasets.csv", (string roundId, HttpContext context, IGrainFactory grains) =>
            SurveysApi.ExportRecords(roundId, AgencyData.Institution(context), xlsx: false, context, grains));
        files.MapGet("/datasets.xlsx", (string roundId, HttpContext context, IGrainFactory grains) =>
            SurveysApi.ExportRecords(roundId, AgencyData.Institution(context), xlsx: true, context, grains));
        files.MapGet("/imports/{importId}/errors.csv", (string roundId, string importId, HttpContext context, IGrainFactory grains) =>
            ImportsApi.ErrorsCsv(roundId, AgencyData.Institution(context), importId, context, grains));

        var templates = routes.MapGroup("/console/agency/templates")
            .RequireAuthorization(ConsoleAuth.AgencyPolicy)
            .ExcludeFromDescription();
        templates.MapGet("/survey.xlsx", TemplatesApi.Xlsx);
        templates.MapGet("/survey.csv", TemplatesApi.Csv);
        return routes;
    }
}
