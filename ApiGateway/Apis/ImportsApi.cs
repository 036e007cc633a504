using System.Security.Cryptography;
using System.Text;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.Imports;
using Census.Contracts.Rounds;
using Census.Domain.Rounds;
using Census.Contracts.Surveys;
using Census.Exchange.Harvest;
using Census.Exchange.Imports;
using Census.Exchange.Template;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;

namespace Census.ApiGateway.Apis;

/// <summary>
/// Imports of a whole inventory (api.md "Bulk intake and exchange"). The POST reads the file as a stream, entry by
/// entry (<see cref="ImportReader"/>), and stages the rows into the import grain in batches: the gateway never holds
/// the file's rows. A problem of the whole file discards what was staged and answers 400 naming where it is.
/// </summary>
public static class ImportsApi
{
    /// <summary>Rows per staging call: large enough to make a call worth its round trip, small enough to stay a few hundred KB.</summary>
    public const int StageBatch = 500;

    private const int CsvPage = 500;

    private static readonly RequestTimeoutPolicy UploadDeadline = new()
    {
        Timeout = TimeSpan.FromMinutes(10),
        TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        WriteTimeoutResponse = async context =>
            await ClusterUnavailableHandler.WriteAsync(context.RequestServices.GetRequiredService<IProblemDetailsService>(), context),
    };

    private static readonly string[] FileTypes =
    [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "application/x-ndjson",
    ];

    private static readonly string[] CatalogTypes = ["application/ld+json", "text/turtle", "application/json"];

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/rounds/{roundId}/institutions/{institutionId}/imports")
            .WithTags("Bulk intake and exchange")
            .RequireAuthorization(CensusRoles.MemberPolicy);

        // A file of up to 64 MiB takes longer to send than the API's default deadline allows.
        api.MapPost("/", Post)
            .Accepts<Stream>(FileTypes[0], FileTypes[1..])
            .WithOwnIdempotency()
            .WithRequestTimeout(UploadDeadline)
            .WithName("StartImport")
            .WithSummary("Import an inventory (xlsx, CSV or NDJSON, up to 50,000 rows and 64 MiB); 202 with the import. dryRun writes nothing; atomic writes nothing unless every row is valid.");
        api.MapGet("/", List)
            .WithName("ListImports").WithSummary("The institution's imports in a round, newest first.");
        api.MapGet("/{importId}", Get)
            .WithName("GetImport").WithSummary("An import: state, counts, progress and the first errors.");
        api.MapGet("/{importId}/errors", Errors)
            .Produces<Page<ImportError>>(contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("ListImportErrors").WithSummary("Every error of an import by row and JSON path; Accept: text/csv for all of them as CSV.");
        api.MapGet("/{importId}/rows", Rows)
            .Produces(StatusCodes.Status200OK, contentType: SurveyTemplate.CsvMediaType)
            .Produces(StatusCodes.Status200OK, contentType: SurveyTemplate.XlsxMediaType)
            .WithName("ExportImportRows")
            .WithSummary("The import's rows in the template's columns (CSV, or xlsx on Accept), with the records they carry: a harvest's pre-filled records, to complete and import.");
        api.MapDelete("/{importId}", Cancel)
            .WithName("CancelImport").WithSummary("Cancel an import between rows; rows already written stay. 409 once it has completed or failed.");

        routes.MapPost("/api/v1/rounds/{roundId}/institutions/{institutionId}/harvest", Harvest)
            .WithTags("Bulk intake and exchange")
            .RequireAuthorization(CensusRoles.MemberPolicy)
            .Accepts<Stream>(CatalogTypes[0], CatalogTypes[1..])
            .WithOwnIdempotency()
            .WithRequestTimeout(UploadDeadline)
            .WithName("HarvestCatalog")
            .WithSummary("Pre-fill records from a DCAT-AP catalogue (JSON-LD or Turtle) or a data.json: 202 with an import that is always a dry run, an error per field the catalogue cannot fill, and its rows as a file to complete (…/imports/{importId}/rows).");
        return routes;
    }

    public static async Task<Results<Accepted<Import>, ProblemHttpResult>> Post(
        string roundId, string institutionId, string? dryRun, string? atomic, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, importId: null) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var isDryRun = Flag(errors, "dryRun", dryRun);
        var isAtomic = Flag(errors, "atomic", atomic);
        var idempotencyKey = Preconditions.IdempotencyKey(context.Request, errors);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return await Start(roundId, institutionId, context.Request.Body, context.Request.ContentType, context.Request.ContentLength,
            isDryRun, isAtomic, idempotencyKey, context, grains);
    }

    /// <summary>
    /// The import of <see cref="Post"/> once its query and headers are read: the file comes as a stream of the named
    /// media type. The console's upload calls this with the file a form carried, so both are one import path.
    /// </summary>
    public static async Task<Results<Accepted<Import>, ProblemHttpResult>> Start(
        string roundId, string institutionId, Stream file, string? contentType, long? length, bool dryRun, bool atomic, string? idempotencyKey,
        HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, importId: null) is { } refused)
        {
            return refused;
        }

        return await RunAsync(context, grains, roundId, institutionId, idempotencyKey, FileTypes,
            format: ImportReader.TryParseFormat(contentType, out var format, out var charset) ? FormatOf(format) : null,
            length, dryRun, atomic, keepInvalidRecords: false,
            _ => ImportReader.ReadAsync(file, format, charset, context.RequestAborted));
    }

    public static async Task<Results<Accepted<Import>, ProblemHttpResult>> Harvest(
        string roundId, string institutionId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, importId: null) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var idempotencyKey = Preconditions.IdempotencyKey(context.Request, errors);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        // Always a dry run that keeps what the catalogue pre-filled, valid or not: the agency completes those rows.
        var contentType = context.Request.ContentType;
        return await RunAsync(context, grains, roundId, institutionId, idempotencyKey, CatalogTypes,
            format: CatalogHarvest.TryParseFormat(contentType, out _) ? ImportFileFormat.Catalog : null,
            context.Request.ContentLength, dryRun: true, atomic: false, keepInvalidRecords: true,
            round => CatalogHarvest.ReadAsync(context.Request.Body, contentType, new HarvestContext(round.InstitutionSector), context.RequestAborted));
    }

    /// <summary>
    /// What an import and a harvest share: the round's rules before any byte is read, the import an Idempotency-Key
    /// names, the media type and size, then the file staged entry by entry and the run started.
    /// </summary>
    private static async Task<Results<Accepted<Import>, ProblemHttpResult>> RunAsync(
        HttpContext context, IGrainFactory grains, string roundId, string institutionId, string? idempotencyKey, string[] mediaTypes,
        ImportFileFormat? format, long? length, bool dryRun, bool atomic, bool keepInvalidRecords, Func<RoundWriteContext, IAsyncEnumerable<ImportEntry>> read)
    {
        // Round rules first: a closed round refuses the import before any row is read.
        var writeContext = await grains.GetGrain<IAssignmentGrain>($"{roundId}/{institutionId}").GetWriteContext();
        if (RoundRefusal(writeContext, roundId, institutionId, context) is { } roundRefusal)
        {
            return roundRefusal;
        }

        var importId = idempotencyKey is null ? Guid.NewGuid().ToString("N") : DerivedId(roundId, institutionId, idempotencyKey);
        var location = $"/api/v1/rounds/{roundId}/institutions/{institutionId}/imports/{importId}";
        var import = grains.GetGrain<IImportGrain>($"{roundId}/{institutionId}/{importId}");
        if (idempotencyKey is not null && await import.Get() is { } earlier)
        {
            if (earlier.State != ImportState.Validating)
            {
                // A retried POST: the same import, without reading the body again.
                return TypedResults.Accepted(location, earlier);
            }

            // Its file never finished arriving (the first POST was answered 503, or its client went away): this retry
            // sends the file again, so what was staged goes and the import begins afresh.
            await import.Discard();
        }

        if (format is not { } fileFormat)
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the file as " + string.Join(", ", mediaTypes) + ".");
        }

        if (length > ImportReader.MaxBytes)
        {
            return TooLarge();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ImportReader.MaxBytes;
        }

        var definition = new ImportDefinition(roundId, institutionId, importId, dryRun, atomic, fileFormat, context.User.Actor(), Clock(context).GetUtcNow());
        ImportBeginResult begun;
        try
        {
            begun = await import.Begin(definition);
        }
        catch
        {
            // The answer was lost (a timeout): the import may have begun. Nothing of it may stay behind, half made.
            await DiscardQuietlyAsync(import);
            throw;
        }

        if (begun.Outcome == ImportBeginOutcome.Exists)
        {
            return TypedResults.Accepted(location, begun.Import);
        }

        if (await StageAsync(import, read(writeContext!), keepInvalidRecords) is { } problem)
        {
            return problem;
        }

        return TypedResults.Accepted(location, await import.Start());
    }

    public static async Task<IResult> Rows(
        string roundId, string institutionId, string importId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, importId) is { } refused)
        {
            return refused;
        }

        var import = Import(grains, roundId, institutionId, importId);
        if (await import.StagedRows(0, 1) is null)
        {
            return NoSuchImport(importId);
        }

        var name = $"{roundId}-{institutionId}-import-{importId}";
        var records = StagedRecords(import, context.RequestAborted);
        var xlsx = context.Request.GetTypedHeaders().Accept.Any(a => a.Quality is not 0 &&
            a.MediaType.Equals(SurveyTemplate.XlsxMediaType, StringComparison.OrdinalIgnoreCase));
        return xlsx
            ? TypedResults.Stream(s => SurveyTemplate.ExportXlsxAsync(s, records, context.RequestAborted).AsTask(), SurveyTemplate.XlsxMediaType, name + ".xlsx")
            : TypedResults.Stream(s => SurveyTemplate.ExportCsvAsync(s, records, context.RequestAborted).AsTask(), "text/csv; charset=utf-8", name + ".csv");
    }

    /// <summary>The staged rows that carry a record, a page at a time, in file order; an id the file lacked stays empty to fill in.</summary>
    private static async IAsyncEnumerable<(string DatasetId, SurveyRecord Record)> StagedRecords(
        IImportGrain import, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = await import.StagedRows(after, CsvPage);
            if (rows is null || rows.Count == 0)
            {
                yield break;
            }

            foreach (var row in rows)
            {
                if (row.Record is { } record)
                {
                    yield return (row.DatasetId ?? "", record);
                }
            }

            after = rows[^1].Row;
        }
    }

    public static async Task<Results<Ok<Page<Import>>, ProblemHttpResult>> List(
        string roundId, string institutionId, string? page, string? pageSize, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, importId: null) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        if (await grains.GetGrain<IAssignmentGrain>($"{roundId}/{institutionId}").GetWriteContext() is null)
        {
            return Problems.NotFound($"No round with id '{roundId}'.");
        }

        return TypedResults.Ok(await grains.GetGrain<IInstitutionImportsGrain>($"{roundId}/{institutionId}").List(validPage, validSize));
    }

    public static async Task<Results<Ok<Import>, ProblemHttpResult>> Get(
        string roundId, string institutionId, string importId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, importId) is { } refused)
        {
            return refused;
        }

        return await Import(grains, roundId, institutionId, importId).Get() is { } import
            ? TypedResults.Ok(import)
            : NoSuchImport(importId);
    }

    public static async Task<IResult> Errors(
        string roundId, string institutionId, string importId, string? page, string? pageSize, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, importId) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var import = Import(grains, roundId, institutionId, importId);
        if (!WantsCsv(context.Request))
        {
            return await import.Errors(validPage, validSize) is { } found ? TypedResults.Ok(found) : NoSuchImport(importId);
        }

        return await ErrorsCsv(roundId, institutionId, importId, context, grains);
    }

    /// <summary>Every error of an import as CSV: the file <see cref="Errors"/> answers for <c>Accept: text/csv</c> (the console's download too).</summary>
    public static async Task<IResult> ErrorsCsv(string roundId, string institutionId, string importId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, importId) is { } refused)
        {
            return refused;
        }

        var import = Import(grains, roundId, institutionId, importId);
        if (await import.Errors(1, CsvPage) is not { } first)
        {
            return NoSuchImport(importId);
        }

        // Every error, a page at a time from the store: the CSV is as long as the file's errors, never a page.
        var rows = new List<ImportError>(first.Items);
        for (var next = 2; rows.Count < first.Total; next++)
        {
            var more = await import.Errors(next, CsvPage);
            if (more is null || more.Items.Count == 0)
            {
                break;
            }

            rows.AddRange(more.Items);
        }

        var csv = Csv.Write(
            ["row", "datasetId", "path", "message"],
            rows.Select(e => new[] { e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), e.DatasetId, e.Path, e.Message }));
        return TypedResults.Text(csv, "text/csv; charset=utf-8", Encoding.UTF8);
    }

    public static async Task<Results<Ok<Import>, ProblemHttpResult>> Cancel(
        string roundId, string institutionId, string importId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, roundId, institutionId, importId) is { } refused)
        {
            return refused;
        }

        var result = await Import(grains, roundId, institutionId, importId).Cancel(context.User.Actor());
        return result.Outcome switch
        {
            ImportCancelOutcome.Canceled => TypedResults.Ok(result.Import!),
            ImportCancelOutcome.AlreadyEnded => Problems.Conflict($"Import '{importId}' has already {Names.Of(result.Import!.State)}: there is nothing to cancel."),
            _ => NoSuchImport(importId),
        };
    }

    /// <summary>Reads the file entry by entry and stages its rows; on a problem of the file, discards them and answers it.</summary>
    private static async Task<ProblemHttpResult?> StageAsync(IImportGrain import, IAsyncEnumerable<ImportEntry> entries, bool keepInvalidRecords)
    {
        var batch = new List<ImportRow>(StageBatch);
        try
        {
            await foreach (var entry in entries)
            {
                batch.Add(RowOf(entry, keepInvalidRecords));
                if (batch.Count == StageBatch)
                {
                    if (!await import.Stage(batch))
                    {
                        // Canceled while the file was read: the rest of it is not wanted.
                        return null;
                    }

                    batch = new List<ImportRow>(StageBatch);
                }
            }

            if (batch.Count > 0)
            {
                await import.Stage(batch);
            }

            return null;
        }
        catch (ImportFileException e)
        {
            await import.Discard();
            return FileProblem(e.Message, e.Where);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await import.Discard();
            return TooLarge();
        }
        catch (BadHttpRequestException e)
        {
            // A broken chunk, a body shorter than its Content-Length: the client's fault, and nothing is kept.
            await import.Discard();
            return Problems.Status(e.StatusCode, "Bad request body", "The request body could not be read: " + e.Message);
        }
        catch
        {
            // The request was aborted or a call failed: nothing of a half-read file may stay behind.
            await DiscardQuietlyAsync(import);
            throw;
        }
    }

    /// <summary>Discards after a failure without hiding that failure behind a second one (the silo may still be unreachable).</summary>
    private static async Task DiscardQuietlyAsync(IImportGrain import)
    {
        try
        {
            await import.Discard();
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or OperationCanceledException)
        {
            // The failure being answered says what went wrong; an import left validating is discarded by a retry
            // with its Idempotency-Key.
        }
    }

    private static ImportRow RowOf(ImportEntry entry, bool keepInvalidRecords) => new(
        entry.Row,
        entry.DatasetId,
        entry.Action == ImportAction.Withdraw ? ImportRowAction.Withdraw : ImportRowAction.Upsert,
        entry.IsValid || keepInvalidRecords ? entry.Record : null,
        [.. entry.Errors.Select(e => new ImportError(e.Row, e.DatasetId, e.Path, e.Message))]);

    private static ImportFileFormat FormatOf(ImportFormat format) => format switch
    {
        ImportFormat.Xlsx => ImportFileFormat.Xlsx,
        ImportFormat.Csv => ImportFileFormat.Csv,
        _ => ImportFileFormat.Ndjson,
    };

    /// <summary>
    /// The import id an Idempotency-Key stands for: the same key for the same institution in the same round always
    /// names the same import, through any gateway, so a retried POST finds the import the first one made.
    /// </summary>
    internal static string DerivedId(string roundId, string institutionId, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{roundId}\n{institutionId}\n{key}")).AsSpan(0, 16));

    private static ProblemHttpResult? RoundRefusal(RoundWriteContext? round, string roundId, string institutionId, HttpContext context)
    {
        if (round is null)
        {
            return Problems.NotFound($"No round with id '{roundId}'.");
        }

        if (!round.Invited)
        {
            return Problems.Conflict($"Institution '{institutionId}' is not invited to round '{roundId}'.");
        }

        return RoundRules.AcceptsWrites(round.State, round.Deadline, Clock(context).GetUtcNow())
            ? null
            : Problems.Conflict($"Round '{roundId}' is {Names.Of(round.State)}{(round.State == RoundState.Open ? " but its deadline has passed" : "")}: records cannot change.");
    }

    private static TimeProvider Clock(HttpContext context) => context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;

    private static bool Flag(ValidationErrors errors, string name, string? value)
    {
        switch (value)
        {
            case null or "" or "false":
                return false;
            case "true":
                return true;
            default:
                errors.Add(name, "must be true or false.");
                return false;
        }
    }

    private static ProblemHttpResult FileProblem(string message, string? where)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = [where is null ? message : $"{where}: {message}"] };
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The file cannot be imported.",
            Detail = where is null ? message : $"{message} (at {where})",
        };
        problem.Extensions["where"] = where;
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult TooLarge() => Problems.Status(
        StatusCodes.Status413PayloadTooLarge, "Payload too large", $"An import file may be up to {ImportReader.MaxBytes / (1024 * 1024)} MiB.");

    private static ProblemHttpResult NoSuchImport(string importId) => Problems.NotFound($"No import with id '{importId}'.");

    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult? Check(HttpContext context, string roundId, string institutionId, string? importId) =>
        InstitutionAccess.Check(context, roundId, institutionId, "importId", importId);

    private static IImportGrain Import(IGrainFactory grains, string roundId, string institutionId, string importId) =>
        grains.GetGrain<IImportGrain>($"{roundId}/{institutionId}/{importId}");
}
