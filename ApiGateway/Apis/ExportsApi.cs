using System.Security.Claims;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.ApiGateway.Releases;
using Census.Contracts.Access;
using Census.Contracts.Exports;
using Census.Domain.Access;
using Census.Domain.Exports;
using Census.Domain.Releases;
using Microsoft.Net.Http.Headers;

namespace Census.ApiGateway.Apis;

/// <summary>
/// Output checking (provision.md §2): a requester asks to let files out of a safe zone under their live safe-zone
/// grant; the automatic checks run at submission and are stored with the request; two output checkers, neither the
/// requester nor of their organisation, must both approve; only then may the requester download the files. Every
/// rule is the domain's (<see cref="OutputChecks"/>, <see cref="ExportRules"/>); these routes map them to HTTP.
/// </summary>
public static class ExportsApi
{
    /// <summary>Policy: the keys that take part in output checking — requesters, output checkers and admins.</summary>
    public const string ExportsPolicy = "census-exports";

    /// <summary>Policy: output-checker keys only.</summary>
    public const string CheckerPolicy = "census-output-checker";

    private const string Base = "/api/v1/exports";

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Base).WithTags("Exports").RequireAuthorization(ExportsPolicy);
        api.MapPost("/", Submit)
            .Accepts<NewExport>("application/json")
            .WithName("CreateExport")
            .WithSummary("A requester asks to let files out of a safe zone under their live safe-zone grant (403 otherwise); every file must be a blob already uploaded (422 otherwise). The automatic checks run now and are answered with the request.");
        api.MapGet("/", List)
            .WithName("ListExports")
            .WithSummary("Output checkers and admins: the queue (default: requests awaiting checkers, oldest first; a checker never sees their own organisation's); a requester: their own requests, newest first.");
        api.MapGet("/{exportId}", Get)
            .WithName("GetExport")
            .WithSummary("An export request with its files, automatic checks and decisions (its requester, output checkers, admins).");
        api.MapPost("/{exportId}/decisions", Decide)
            .RequireAuthorization(CheckerPolicy)
            .Accepts<ExportDecisionEntry>("application/json")
            .WithName("DecideExport")
            .WithSummary("An output checker approves or rejects, with a reason, once (409 after); never on an export of their own organisation (403). Approval while an automatic check fails is refused (422). Any rejection rejects; two checkers' approvals approve.");
        api.MapGet("/{exportId}/files/{**path}", Download)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .WithName("DownloadExportFile")
            .WithSummary("An exported file's bytes, for its requester (or an admin) once two checkers approved; 403 before, and the refused attempt is written to the dataset's ledger. Range and If-Range as for release downloads.")
            .DisableRequestTimeout();
        return routes;
    }

    public static async Task<Results<Created<ExportRequest>, ProblemHttpResult>> Submit(
        HttpContext context, IGrainFactory grains, ContentStore store)
    {
        if (!context.User.IsInRole(CensusRoles.Requester) || context.User.Principal() is null)
        {
            return Problems.Forbidden("Only a requester asks for an export, from their safe-zone grant.");
        }

        var body = await JsonBody.ReadAsync<NewExport>(context);
        return body.Problem ?? await SubmitWith(body.Value, context, grains, store);
    }

    /// <summary>Submit's typed core (the route and the console): the caller, the body's rules, the grant, the stored files and the automatic checks.</summary>
    public static async Task<Results<Created<ExportRequest>, ProblemHttpResult>> SubmitWith(
        NewExport? body, HttpContext context, IGrainFactory grains, ContentStore store)
    {
        if (!context.User.IsInRole(CensusRoles.Requester) || context.User.Principal() is not { } requester)
        {
            return Problems.Forbidden("Only a requester asks for an export, from their safe-zone grant.");
        }

        var validated = ExportRules.Validate(body);
        if (!validated.IsValid)
        {
            return Problems.Validation(validated.Errors!);
        }

        var submission = validated.Value!;
        var now = Clock(context).GetUtcNow();
        var grant = await grains.GetGrain<IGrantGrain>(submission.GrantId).Get();
        if (grant is null || !GrantRules.Allows(grant, requester.Id, GrantKind.SafeZone, now))
        {
            return Problems.Forbidden($"'{submission.GrantId}' is not a live safe-zone grant of this requester: an export is asked while its grant is live.");
        }

        for (var i = 0; i < submission.Files.Count; i++)
        {
            var file = submission.Files[i];
            var stored = store.Length(file.Sha256);
            if (stored != file.Bytes)
            {
                return Problems.Status(StatusCodes.Status422UnprocessableEntity, "The store does not hold this file",
                    stored is null
                        ? $"files[{i}]: no uploaded content has SHA-256 {file.Sha256}: upload it first (POST /api/v1/uploads)."
                        : $"files[{i}]: the content of SHA-256 {file.Sha256} has {stored} bytes, not {file.Bytes}.");
            }
        }

        var id = Guid.NewGuid().ToString("N");
        var request = new ExportRequest(
            id, grant.Id, grant.InstitutionId, grant.DatasetId, requester.Id, requester.Organisation, submission.Files, submission.Notes,
            OutputChecks.Check(submission.Files), ExportStatus.Submitted, [], now, context.User.Actor(), null);
        var submitted = await Export(grains, id).Submit(request);
        return TypedResults.Created($"{Base}/{id}", submitted);
    }

    public static async Task<Results<Ok<Page<ExportSummary>>, ProblemHttpResult>> List(
        string? status, string? page, string? pageSize, HttpContext context, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var wanted = QueryValues.Enum<ExportStatus>(errors, "status", status);
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var user = context.User;
        if (user.IsInRole(CensusRoles.Requester) && user.Principal() is { } requester)
        {
            return TypedResults.Ok(await grains.GetGrain<IRequesterExportsGrain>(requester.Id).List(wanted, validPage, validSize));
        }

        var exceptOrganisation = user.IsAdmin() ? null : user.Principal()?.Organisation;
        var queue = ExportRules.QueueOf(wanted ?? ExportStatus.Submitted);
        return TypedResults.Ok(await grains.GetGrain<IExportQueueGrain>(queue).List(wanted, exceptOrganisation, validPage, validSize));
    }

    public static async Task<Results<Ok<ExportRequest>, ProblemHttpResult>> Get(string exportId, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("exportId", exportId) is { } invalid)
        {
            return invalid;
        }

        if (await Export(grains, exportId).Get() is not { } request)
        {
            return NoSuchExport(exportId);
        }

        return IsRequesterOtherThan(context.User, request)
            ? Problems.Forbidden("A requester reads only their own exports.")
            : TypedResults.Ok(request);
    }

    public static async Task<Results<Ok<ExportRequest>, ProblemHttpResult>> Decide(string exportId, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("exportId", exportId) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<ExportDecisionEntry>(context);
        return body.Problem ?? await DecideWith(exportId, body.Value, context, grains);
    }

    /// <summary>Decide's typed core (the route and the console): the body's rules and the request grain's decision.</summary>
    public static async Task<Results<Ok<ExportRequest>, ProblemHttpResult>> DecideWith(
        string exportId, ExportDecisionEntry? body, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("exportId", exportId) is { } invalid)
        {
            return invalid;
        }

        var errors = ExportRules.Validate(body);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var entry = body!;
        var result = await Export(grains, exportId).Decide(
            new CheckerDecision(context.User.Principal()!, entry.Decision!.Value, entry.Reason!, context.User.Actor()));
        return result.Outcome switch
        {
            ExportDecisionOutcome.Decided => TypedResults.Ok(result.Request!),
            ExportDecisionOutcome.NotFound => NoSuchExport(exportId),
            ExportDecisionOutcome.NotIndependent => Problems.Forbidden(result.Detail!),
            ExportDecisionOutcome.ChecksFail => Problems.Status(StatusCodes.Status422UnprocessableEntity, "An automatic check fails", result.Detail!),
            _ => Problems.Conflict(result.Detail!),
        };
    }

    public static async Task<IResult> Download(string exportId, string path, HttpContext context, IGrainFactory grains, ContentStore store)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, "exportId", exportId);
        if (ReleasePaths.Problem(path) is { } pathProblem)
        {
            errors.Add("path", pathProblem);
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var export = Export(grains, exportId);
        if (await export.Get() is not { } request)
        {
            return NoSuchExport(exportId);
        }

        if (request.Files.FirstOrDefault(f => f.Path == path) is not { } file)
        {
            return Problems.NotFound($"Export '{exportId}' has no file '{path}'.");
        }

        if (await Refusal(context.User, request, grains) is { } why)
        {
            if (context.User.Principal() is { } caller)
            {
                await export.RefuseDownload(caller, path, why, context.User.Actor());
            }

            return Problems.Forbidden(why);
        }

        if (store.Length(file.Sha256) != file.Bytes)
        {
            return Problems.Status(StatusCodes.Status410Gone, "Gone", $"'{path}' is no longer in the store.");
        }

        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        if (ReleasesApi.Unsatisfiable(context.Request, file.Bytes, etag))
        {
            context.Response.Headers.ContentRange = $"bytes */{file.Bytes}";
            return Problems.Status(StatusCodes.Status416RangeNotSatisfiable, "Range not satisfiable", $"'{path}' has {file.Bytes} bytes.");
        }

        return TypedResults.Stream(store.OpenRead(file.Sha256), "application/octet-stream", path[(path.LastIndexOf('/') + 1)..],
            request.DecidedAt ?? request.SubmittedAt, etag, enableRangeProcessing: true);
    }

    /// <summary>
    /// Why the caller may not download the export's files, or null when they may: only its requester (or an admin),
    /// only once two checkers approved, and never under a grant that was revoked since (a grant that simply expired
    /// does not take back an output already checked and approved).
    /// </summary>
    private static async Task<string?> Refusal(ClaimsPrincipal user, ExportRequest request, IGrainFactory grains)
    {
        if (!user.IsAdmin() && user.Principal()?.Id != request.RequesterId)
        {
            return "Only the export's requester may download its files.";
        }

        if (!ExportRules.Downloadable(request))
        {
            return $"The export is {Domain.Validation.Names.Of(request.Status)}: its files leave only once two output checkers approved.";
        }

        var grant = await grains.GetGrain<IGrantGrain>(request.GrantId).Get();
        return grant?.Status == GrantStatus.Revoked ? $"Grant '{request.GrantId}' was revoked." : null;
    }

    private static bool IsRequesterOtherThan(ClaimsPrincipal user, ExportRequest request) =>
        user.IsInRole(CensusRoles.Requester) && user.Principal()?.Id != request.RequesterId;

    private static IExportRequestGrain Export(IGrainFactory grains, string id) => grains.GetGrain<IExportRequestGrain>(id);

    private static ProblemHttpResult NoSuchExport(string id) => Problems.NotFound($"No export '{id}'.");

    private static TimeProvider Clock(HttpContext context) => context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
}
