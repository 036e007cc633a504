using System.Globalization;
using System.Text;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.Reports;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;

namespace Census.ApiGateway.Apis;

/// <summary>Holdings by institution and by sector (api.md "Reports"), as JSON or, with Accept: text/csv, CSV.</summary>
public static class ReportsApi
{
    /// <summary>A report as JSON: the round, the rubric version its means use, and one line per item.</summary>
    public sealed record ReportPage<T>(string RoundId, int RubricVersion, bool Finalized, IReadOnlyList<T> Items);

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/rounds/{id}/reports").WithTags("Reports").RequireAuthorization(CensusRoles.AdminPolicy);
        api.MapGet("/institutions", Institutions)
            .Produces<ReportPage<InstitutionReport>>(contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("InstitutionReport").WithSummary("Holdings per institution (admin); Accept: text/csv for CSV.");
        api.MapGet("/sectors", Sectors)
            .Produces<ReportPage<SectorReport>>(contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("SectorReport").WithSummary("Holdings per sector (admin); Accept: text/csv for CSV.");
        return routes;
    }

    public static Task<IResult> Institutions(string id, HttpContext context, IGrainFactory grains) =>
        Report(id, context, grains, r => r.Institutions, InstitutionHeader, InstitutionRow);

    public static Task<IResult> Sectors(string id, HttpContext context, IGrainFactory grains) =>
        Report(id, context, grains, r => r.Sectors, SectorHeader, SectorRow);

    private static async Task<IResult> Report<T>(
        string id, HttpContext context, IGrainFactory grains, Func<RoundReport, IReadOnlyList<T>> items,
        IReadOnlyList<string> header, Func<T, IEnumerable<string?>> row)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        if (await grains.GetGrain<ICensusRoundGrain>(id).Report(context.RequestAborted) is not { } report)
        {
            return Problems.NotFound($"No round with id '{id}'.");
        }

        if (!WantsCsv(context.Request))
        {
            return TypedResults.Ok(new ReportPage<T>(report.RoundId, report.RubricVersion, report.Finalized, items(report)));
        }

        var csv = Csv.Write(header, items(report).Select(row));
        return TypedResults.Text(csv, "text/csv; charset=utf-8", Encoding.UTF8);
    }

    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    private static readonly string[] ModalityColumns = [.. Enum.GetValues<Modality>().Select(m => "modality:" + Names.Of(m))];
    private static readonly string[] AvailabilityColumns = [.. Enum.GetValues<AvailabilityScope>().Select(a => "availability:" + Names.Of(a))];

    private static readonly string[] InstitutionHeader =
    [
        "institutionId", "name", "sector", "invited", "status", "datasets", .. ModalityColumns, .. AvailabilityColumns,
        "eligible", "meanNow", "meanPost", "selected",
    ];

    private static readonly string[] SectorHeader =
    [
        "sector", "institutions", "datasets", .. ModalityColumns, .. AvailabilityColumns, "eligible", "meanNow", "meanPost", "selected",
    ];

    private static IEnumerable<string?> InstitutionRow(InstitutionReport r) =>
    [
        r.InstitutionId, r.Name, r.Sector is { } s ? Names.Of(s) : null, r.Invited ? "true" : "false",
        r.Status is { } status ? Names.Of(status) : null, Number(r.Datasets), .. Breakdown(r.ByModality, r.ByAvailability),
        Number(r.Eligible), Number(r.MeanNow), Number(r.MeanPost), Number(r.Selected),
    ];

    private static IEnumerable<string?> SectorRow(SectorReport r) =>
    [
        Names.Of(r.Sector), Number(r.Institutions), Number(r.Datasets), .. Breakdown(r.ByModality, r.ByAvailability),
        Number(r.Eligible), Number(r.MeanNow), Number(r.MeanPost), Number(r.Selected),
    ];

    private static IEnumerable<string?> Breakdown(IReadOnlyDictionary<Modality, long> byModality, IReadOnlyDictionary<AvailabilityScope, long> byAvailability) =>
        Enum.GetValues<Modality>().Select(m => Number(byModality.GetValueOrDefault(m)))
            .Concat(Enum.GetValues<AvailabilityScope>().Select(a => Number(byAvailability.GetValueOrDefault(a))));

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
