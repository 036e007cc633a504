using System.Globalization;
using System.Text;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.Reports;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Exchange.Reports;

namespace Census.ApiGateway.Apis;

/// <summary>
/// Holdings by institution and by sector (api.md "Reports"), as JSON or, by Accept, CSV or an xlsx workbook. The
/// console's pages and downloads call <see cref="Read"/> and <see cref="File"/>: the same report, the same columns.
/// </summary>
public static class ReportsApi
{
    /// <summary>A report as JSON: the round, the rubric version its means use, and one line per item.</summary>
    public sealed record ReportPage<T>(string RoundId, int RubricVersion, bool Finalized, IReadOnlyList<T> Items);

    /// <summary>Which of a round's two reports.</summary>
    public enum ReportKind { Institutions, Sectors }

    /// <summary>A report as a file.</summary>
    public enum ReportFormat { Csv, Xlsx }

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/rounds/{id}/reports").WithTags("Reports").RequireAuthorization(CensusRoles.AdminPolicy);
        api.MapGet("/institutions", Institutions)
            .Produces<ReportPage<InstitutionReport>>(contentType: "application/json")
            .ProducesFiles(FileAnswers.Csv, TableWorkbook.MediaType)
            .WithName("InstitutionReport").WithSummary("Holdings per institution (admin); Accept: text/csv for CSV, the xlsx type for a workbook.");
        api.MapGet("/sectors", Sectors)
            .Produces<ReportPage<SectorReport>>(contentType: "application/json")
            .ProducesFiles(FileAnswers.Csv, TableWorkbook.MediaType)
            .WithName("SectorReport").WithSummary("Holdings per sector (admin); Accept: text/csv for CSV, the xlsx type for a workbook.");
        api.MapGet("/demand", Demand)
            .WithName("DemandReport").WithSummary("Demand beside supply (admin): the round's datasets per sector and modality next to the requests, grants and downloads of released datasets of the same sector and modality, from the datasets' ledgers in the period (from/to, ISO dates; default: all until now).");
        return routes;
    }

    public static async Task<Results<Ok<ReportPage<DemandLine>>, ProblemHttpResult>> Demand(
        string id, string? from, string? to, IGrainFactory grains, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var since = Day(errors, "from", from) ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var until = Day(errors, "to", to)?.AddDays(1) ?? clock.GetUtcNow();
        if (errors.IsValid && since >= until)
        {
            errors.Add("from", "must be before to.");
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var read = await Read(id, grains, cancellationToken);
        if (read.Result is not Ok<RoundReport> { Value: { } report })
        {
            return (ProblemHttpResult)read.Result;
        }

        var released = await grains.GetGrain<Census.Contracts.Catalogue.ICatalogueGrain>(Census.Contracts.Catalogue.CatalogueKeys.Instance).All();
        var demand = await grains.GetGrain<Census.Contracts.Ledger.ILedgerFiguresGrain>(0).Demand(since, until);
        var lines = Census.Domain.Reports.DemandReport.Build(
            report.Sectors, released.Select(e => (Census.Contracts.Catalogue.CatalogueKeys.Dataset(e.InstitutionId, e.DatasetId), e.Sector, e.Modality)), demand);
        return TypedResults.Ok(new ReportPage<DemandLine>(report.RoundId, report.RubricVersion, report.Finalized, lines));

        static DateTimeOffset? Day(ValidationErrors errors, string name, string? value)
        {
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }

            errors.Add(name, "must be a date, yyyy-MM-dd.");
            return null;
        }
    }

    public static Task<IResult> Institutions(string id, HttpContext context, IGrainFactory grains) =>
        Answer(id, ReportKind.Institutions, context, grains);

    public static Task<IResult> Sectors(string id, HttpContext context, IGrainFactory grains) =>
        Answer(id, ReportKind.Sectors, context, grains);

    /// <summary>A round's report (both kinds): the read side, one index query, never a call per dataset.</summary>
    public static async Task<Results<Ok<RoundReport>, ProblemHttpResult>> Read(string id, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        return await grains.GetGrain<ICensusRoundGrain>(id).Report(cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : Problems.NotFound($"No round with id '{id}'.");
    }

    /// <summary>One report as a CSV or xlsx file named after the round.</summary>
    public static async Task<IResult> File(string id, ReportKind kind, ReportFormat format, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var read = await Read(id, grains, cancellationToken);
        if (read.Result is not Ok<RoundReport> { Value: { } report })
        {
            return read.Result;
        }

        var (header, rows) = Table(report, kind);
        var name = $"{report.RoundId}-{(kind == ReportKind.Institutions ? "institutions" : "sectors")}";
        return format == ReportFormat.Csv
            ? TypedResults.File(
                Encoding.UTF8.GetBytes(Csv.Write(header, rows.Select(r => r.Select(Text)))), "text/csv; charset=utf-8", name + ".csv")
            : TypedResults.File(TableWorkbook.Write(kind == ReportKind.Institutions ? "institutions" : "sectors", header, rows), TableWorkbook.MediaType, name + ".xlsx");
    }

    private static async Task<IResult> Answer(string id, ReportKind kind, HttpContext context, IGrainFactory grains)
    {
        if (Wanted(context.Request) is { } format)
        {
            return await File(id, kind, format, grains, context.RequestAborted);
        }

        var read = await Read(id, grains, context.RequestAborted);
        if (read.Result is not Ok<RoundReport> { Value: { } report })
        {
            return read.Result;
        }

        return kind == ReportKind.Institutions
            ? TypedResults.Ok(new ReportPage<InstitutionReport>(report.RoundId, report.RubricVersion, report.Finalized, report.Institutions))
            : TypedResults.Ok(new ReportPage<SectorReport>(report.RoundId, report.RubricVersion, report.Finalized, report.Sectors));
    }

    private static ReportFormat? Wanted(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept.Where(a => a.Quality is not 0).ToList();
        if (accept.Any(a => a.MediaType.Equals(TableWorkbook.MediaType, StringComparison.OrdinalIgnoreCase)))
        {
            return ReportFormat.Xlsx;
        }

        return accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)) ? ReportFormat.Csv : null;
    }

    private static (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows) Table(RoundReport report, ReportKind kind) =>
        kind == ReportKind.Institutions
            ? (InstitutionHeader, report.Institutions.Select(InstitutionRow))
            : (SectorHeader, report.Sectors.Select(SectorRow));

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

    private static IReadOnlyList<object?> InstitutionRow(InstitutionReport r) =>
    [
        r.InstitutionId, r.Name, r.Sector is { } s ? Names.Of(s) : null, r.Invited ? "true" : "false",
        r.Status is { } status ? Names.Of(status) : null, r.Datasets, .. Breakdown(r.ByModality, r.ByAvailability),
        r.Eligible, r.MeanNow, r.MeanPost, r.Selected,
    ];

    private static IReadOnlyList<object?> SectorRow(SectorReport r) =>
    [
        Names.Of(r.Sector), r.Institutions, r.Datasets, .. Breakdown(r.ByModality, r.ByAvailability),
        r.Eligible, r.MeanNow, r.MeanPost, r.Selected,
    ];

    private static IEnumerable<object?> Breakdown(IReadOnlyDictionary<Modality, long> byModality, IReadOnlyDictionary<AvailabilityScope, long> byAvailability) =>
        Enum.GetValues<Modality>().Select(m => (object?)byModality.GetValueOrDefault(m))
            .Concat(Enum.GetValues<AvailabilityScope>().Select(a => (object?)byAvailability.GetValueOrDefault(a)));

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
}
