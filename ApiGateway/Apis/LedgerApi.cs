using System.Globalization;
using System.Text;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.Ledger;
using Census.Contracts.Releases;
using Census.Domain.Ledger;
using Census.Exchange.Reports;

namespace Census.ApiGateway.Apis;

/// <summary>
/// A provided dataset's ledger (provision.md §3 "Ledger"): its entries, the verification of its hash chain, its usage
/// by month and requester kind, and the providing institution's monthly settlement statement (JSON, CSV or xlsx). Admins
/// and the providing institution's agency may read all of it; nobody else.
/// </summary>
public static class LedgerApi
{
    private const string Dataset = "/api/v1/institutions/{institutionId}/datasets/{datasetId}";

    /// <summary>The longest usage range one request may ask for: ten years of months.</summary>
    public const int MaxUsageMonths = 120;

    /// <summary>A settlement statement as a file.</summary>
    public enum SettlementFormat { Json, Csv, Xlsx }

    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder routes)
    {
        var dataset = routes.MapGroup(Dataset).WithTags("Ledger").RequireAuthorization(CensusRoles.MemberPolicy);
        dataset.MapGet("/ledger", Read)
            .WithName("ListLedgerEntries")
            .WithSummary("The dataset's ledger entries in index order, a page at a time: each event's canonical JSON and its chained hash.");
        dataset.MapPost("/ledger/verify", Verify)
            .WithName("VerifyLedger")
            .WithSummary("Recompute the whole hash chain from the stored entries; ok, or the first broken index and why (still 200: the answer is the verdict). Changes nothing.");
        dataset.MapGet("/usage", Usage)
            .WithName("GetDatasetUsage")
            .WithSummary("Completed downloads per UTC month from..to (yyyy-MM, both included): count, bytes, unique requesters and organisations, and the same by requester kind.");

        routes.MapGet("/api/v1/institutions/{institutionId}/settlements/{month}", Settlement)
            .WithTags("Ledger")
            .RequireAuthorization(CensusRoles.MemberPolicy)
            .Produces<SettlementStatement>(contentType: "application/json")
            .ProducesFiles(FileAnswers.Csv, TableWorkbook.MediaType)
            .WithName("GetSettlementStatement")
            .WithSummary("The institution's settlement statement for a month (yyyy-MM): every transaction of its datasets, totals per dataset and overall in KRW. format=json|csv|xlsx or Accept: text/csv, the xlsx type.");
        return routes;
    }

    public static async Task<Results<Ok<Page<LedgerEntry>>, ProblemHttpResult>> Read(
        string institutionId, string datasetId, string? page, string? pageSize, HttpContext context, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (await Check(context, grains, institutionId, datasetId, errors) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(await Ledger(grains, institutionId, datasetId).Read(validPage, validSize));
    }

    public static async Task<Results<Ok<LedgerVerification>, ProblemHttpResult>> Verify(
        string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (await Check(context, grains, institutionId, datasetId, new ValidationErrors()) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(await Ledger(grains, institutionId, datasetId).Verify());
    }

    public static async Task<Results<Ok<DatasetUsage>, ProblemHttpResult>> Usage(
        string institutionId, string datasetId, string? from, string? to, HttpContext context, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var start = Month(errors, "from", from);
        var end = Month(errors, "to", to);
        if (start is { } first && end is { } last)
        {
            if (first > last)
            {
                errors.Add("from", "must not be after to.");
            }
            else if (first.AddMonths(MaxUsageMonths) <= last)
            {
                errors.Add("to", $"must be less than {MaxUsageMonths} months after from.");
            }
        }

        if (await Check(context, grains, institutionId, datasetId, errors) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(await grains.GetGrain<ILedgerFiguresGrain>(0).Usage(institutionId, datasetId, from!, to!));
    }

    public static async Task<IResult> Settlement(string institutionId, string month, string? format, HttpContext context, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, "institutionId", institutionId);
        Month(errors, "month", month);
        var wanted = Format(errors, format, context.Request);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        if (!context.User.CanActFor(institutionId))
        {
            return Problems.Forbidden("Only an admin or the institution's agency may read its settlement statements.");
        }

        if (await grains.GetGrain<IInstitutionGrain>(institutionId).Get() is null)
        {
            return Problems.NotFound($"No institution with id '{institutionId}'.");
        }

        var statement = await grains.GetGrain<ILedgerFiguresGrain>(0).Settlement(institutionId, month);
        var name = $"settlement-{institutionId}-{month}";
        return wanted switch
        {
            SettlementFormat.Csv => TypedResults.File(
                [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv.Write(SettlementHeader, SettlementRows(statement).Select(r => r.Select(Text))))],
                "text/csv; charset=utf-8", name + ".csv"),
            SettlementFormat.Xlsx => TypedResults.File(TableWorkbook.Write("settlement", SettlementHeader, SettlementRows(statement)), TableWorkbook.MediaType, name + ".xlsx"),
            _ => TypedResults.Ok(statement),
        };
    }

    /// <summary>The statement's columns in CSV and xlsx. <c>row</c> says what a row is: a <c>line</c>, a <c>dataset-total</c> or the <c>total</c>.</summary>
    public static readonly string[] SettlementHeader =
    [
        "row", "datasetId", "index", "at", "transaction", "grant", "requester", "organisation", "organisationKind", "version",
        "pricing", "priceKrw", "quantity", "totalKrw", "transactions",
    ];

    /// <summary>Each dataset's lines followed by its total, then the statement's total.</summary>
    public static IEnumerable<IReadOnlyList<object?>> SettlementRows(SettlementStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        foreach (var dataset in statement.Datasets)
        {
            foreach (var l in dataset.Lines)
            {
                yield return
                [
                    "line", l.DatasetId, l.Index, LedgerJson.Time(l.At), l.Transaction, l.Grant, l.Requester, l.Organisation,
                    l.OrganisationKind, l.Version, l.Pricing, l.PriceKrw, l.Quantity, l.TotalKrw, null,
                ];
            }

            yield return ["dataset-total", dataset.DatasetId, null, null, null, null, null, null, null, null, null, null, dataset.Quantity, dataset.TotalKrw, dataset.Transactions];
        }

        yield return ["total", null, null, null, null, null, null, null, null, null, null, null, statement.Quantity, statement.TotalKrw, statement.Transactions];
    }

    private static string? Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture);

    /// <summary>Ids well-formed, the caller an admin or the providing agency, the dataset known (it has ledger entries or a release).</summary>
    private static async Task<ProblemHttpResult?> Check(HttpContext context, IGrainFactory grains, string institutionId, string datasetId, ValidationErrors errors)
    {
        Rules.Id(errors, "institutionId", institutionId);
        Rules.Id(errors, "datasetId", datasetId);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        if (!context.User.CanActFor(institutionId))
        {
            return Problems.Forbidden("Only an admin or the providing institution's agency may read a dataset's ledger.");
        }

        var known = (await Ledger(grains, institutionId, datasetId).Read(1, 1)).Total > 0
            || (await grains.GetGrain<IReleaseGrain>($"{institutionId}/{datasetId}").List(1, 1)).Total > 0;
        return known ? null : Problems.NotFound($"Dataset '{datasetId}' of institution '{institutionId}' has no releases and no ledger.");
    }

    private static DateTimeOffset? Month(ValidationErrors errors, string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(name, "is required (yyyy-MM).");
            return null;
        }

        var month = LedgerMonths.Parse(text);
        if (month is null)
        {
            errors.Add(name, "must be a month written yyyy-MM (2000-01 or later).");
        }

        return month;
    }

    private static SettlementFormat Format(ValidationErrors errors, string? format, HttpRequest request)
    {
        if (!string.IsNullOrEmpty(format))
        {
            if (Names.TryParse<SettlementFormat>(format, out var chosen))
            {
                return chosen;
            }

            errors.Add("format", "must be one of: json, csv, xlsx.");
            return SettlementFormat.Json;
        }

        var accept = request.GetTypedHeaders().Accept.Where(a => a.Quality is not 0).ToList();
        if (accept.Any(a => a.MediaType.Equals(TableWorkbook.MediaType, StringComparison.OrdinalIgnoreCase)))
        {
            return SettlementFormat.Xlsx;
        }

        return accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)) ? SettlementFormat.Csv : SettlementFormat.Json;
    }

    private static ILedgerGrain Ledger(IGrainFactory grains, string institutionId, string datasetId) =>
        grains.GetGrain<ILedgerGrain>($"{institutionId}/{datasetId}");
}
