using Census.ApiGateway.Auth;
using Census.Exchange.Template;

namespace Census.ApiGateway.Apis;

/// <summary>The import template (api.md "Bulk intake and exchange"): any valid key may download it.</summary>
public static class TemplatesApi
{
    public const string XlsxFileName = "census-survey-template.xlsx";
    public const string CsvFileName = "census-survey-template.csv";

    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/templates").WithTags("Bulk intake and exchange").RequireAuthorization(CensusRoles.MemberPolicy);
        api.MapGet("/survey.xlsx", Xlsx)
            .ProducesFiles(SurveyTemplate.XlsxMediaType)
            .WithName("SurveyTemplateXlsx")
            .WithSummary("The import template as a workbook: Korean headers, drop-down lists, and a sheet \"설명\" explaining every column.");
        api.MapGet("/survey.csv", Csv)
            .ProducesFiles(SurveyTemplate.CsvMediaType)
            .WithName("SurveyTemplateCsv")
            .WithSummary("The import template as CSV: the header row, UTF-8 with a byte order mark.");
        return routes;
    }

    public static PushStreamHttpResult Xlsx() =>
        TypedResults.Stream(stream => SurveyTemplate.ExportXlsxAsync(stream, AsyncEnumerable.Empty<(string, Contracts.Surveys.SurveyRecord)>()).AsTask(),
            SurveyTemplate.XlsxMediaType, XlsxFileName);

    public static PushStreamHttpResult Csv() =>
        TypedResults.Stream(stream => SurveyTemplate.ExportCsvAsync(stream, AsyncEnumerable.Empty<(string, Contracts.Surveys.SurveyRecord)>()).AsTask(),
            "text/csv; charset=utf-8", CsvFileName);
}
