using System.Security.Claims;
using System.Security.Cryptography;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.ApiGateway.Releases;
using Census.Contracts.Ledger;
using Census.Contracts.Releases;
using Census.Domain.Access;
using Census.Domain.Releases;

namespace Census.ApiGateway.Apis;

/// <summary>
/// Grants: who may use which release until when. A requester downloads a release's files only through a live download
/// grant of their own, having accepted the tier's current agreement; every download is recorded on the dataset's
/// ledger (started, completed with bytes) with its transaction when the offer charges per download, and every refused
/// attempt too. The providing agency or an admin revokes a grant with a reason.
/// </summary>
public static class GrantsApi
{
    public static IEndpointRouteBuilder MapGrantsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/grants").WithTags("Grants");
        api.MapGet("/", List).RequireAuthorization(CensusRoles.AccessPolicy)
            .WithName("ListGrants")
            .WithSummary("The grants that concern the caller, newest first: a requester's own, an agency's datasets', or all (admin). Filter: status (a grant whose period ended reads as expired).");
        api.MapGet("/{id}", Get).RequireAuthorization(CensusRoles.AccessPolicy)
            .WithName("GetGrant")
            .WithSummary("A grant: its release, requester, period and status.");
        api.MapPost("/{id}/revocation", Revoke).RequireAuthorization(CensusRoles.MemberPolicy)
            .Accepts<GrantRevocation>("application/json")
            .WithName("RevokeGrant")
            .WithSummary("Revoke a live grant with a reason (the providing agency or an admin); it stops working at once.");
        api.MapGet("/{id}/files/{**path}", Download).RequireAuthorization(CensusRoles.RequesterPolicy)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .WithName("DownloadGrantedFile")
            .WithSummary("A file of the granted release version (the grant's requester): 403 outside a live download grant, with another requester's grant, or before the current agreement is accepted. Range: bytes=a-b → 206; ETag is the file's SHA-256.")
            .DisableRequestTimeout();
        return routes;
    }

    public static async Task<Results<Ok<Page<Grant>>, ProblemHttpResult>> List(
        HttpContext context, IGrainFactory grains, TimeProvider clock, string? status, string? page, string? pageSize)
    {
        var errors = new ValidationErrors();
        var statusFilter = QueryValues.Enum<GrantStatus>(errors, "status", status);
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var user = context.User;
        var query = new GrantQuery(null, null, statusFilter, clock.GetUtcNow());
        if (user.IsInRole(CensusRoles.Requester))
        {
            query = query with { RequesterId = user.Principal()!.Id };
        }
        else if (user.IsInRole(CensusRoles.Agency))
        {
            query = query with { InstitutionId = user.FindFirstValue(CensusRoles.InstitutionClaim) };
        }
        else if (!user.IsAdmin())
        {
            return Problems.Forbidden("Grants are listed for their requesters, the providing agencies and admins.");
        }

        return TypedResults.Ok(await grains.GetGrain<IAccessBoardGrain>(IAccessBoardGrain.Key).Grants(query, validPage, validSize));
    }

    public static async Task<Results<Ok<Grant>, ProblemHttpResult>> Get(string id, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var (grant, problem) = await VisibleAsync(id, context.User, grains);
        return problem ?? (Results<Ok<Grant>, ProblemHttpResult>)TypedResults.Ok(AsOf(grant!, clock.GetUtcNow()));
    }

    public static async Task<Results<Ok<Grant>, ProblemHttpResult>> Revoke(string id, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var body = await JsonBody.ReadAsync<GrantRevocation>(context);
        return body.Problem ?? await RevokeWith(id, body.Value, context, grains, clock);
    }

    /// <summary>A revocation already read from its body (the API route and the console's review page).</summary>
    public static async Task<Results<Ok<Grant>, ProblemHttpResult>> RevokeWith(
        string id, GrantRevocation? revocation, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var (grant, problem) = await VisibleAsync(id, context.User, grains);
        if (problem is not null)
        {
            return problem;
        }

        if (!context.User.CanActFor(grant!.InstitutionId))
        {
            return Problems.Forbidden("Only the providing institution's agency or an admin revokes a grant.");
        }

        var errors = new ValidationErrors();
        Rules.RequiredText(errors, "reason", revocation?.Reason, AccessRequestRules.MaxReasonLength);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        if (GrantRules.StatusAt(grant, clock.GetUtcNow()) != GrantStatus.Live)
        {
            return Problems.Conflict($"Grant {id} is {Names.Of(GrantRules.StatusAt(grant, clock.GetUtcNow()))}; only a live grant is revoked.");
        }

        var revoked = await grains.GetGrain<IGrantGrain>(id).Revoke(revocation!.Reason!.Trim(), context.User.Actor());
        return revoked is { Status: GrantStatus.Revoked }
            ? TypedResults.Ok(revoked)
            : Problems.Conflict($"Grant {id} ended before it could be revoked.");
    }

    public static async Task<IResult> Download(string id, string path, HttpContext context, IGrainFactory grains, ContentStore store, TimeProvider clock)
    {
        if (!IsGrantId(id))
        {
            return Problems.Validation(ValidationErrors.For("id", "must be a grant id."));
        }

        if (ReleasePaths.Problem(path) is { } pathProblem)
        {
            return Problems.Validation(ValidationErrors.For("path", pathProblem));
        }

        if (await grains.GetGrain<IGrantGrain>(id).Get() is not { } grant)
        {
            return Problems.NotFound($"No grant '{id}'.");
        }

        var user = context.User;
        var caller = user.Principal()!;
        var now = clock.GetUtcNow();
        var refusal = grant.RequesterId != caller.Id ? "This grant was given to another requester."
            : GrantRules.Unusable(grant, now) is { } unusable ? unusable
            : grant.Kind != GrantKind.Download ? "A safe-zone grant is used inside a safe zone: its data is not downloaded."
            : null;
        var release = refusal is null ? await grains.GetGrain<IReleaseGrain>($"{grant.InstitutionId}/{grant.DatasetId}").Get(grant.Version) : null;
        if (refusal is null && release is null)
        {
            return Problems.NotFound($"Release version {grant.Version} is gone.");
        }

        if (refusal is null)
        {
            var terms = AgreementsApi.Terms(grains, grant.InstitutionId, grant.DatasetId);
            if (await terms.CurrentAcceptance(release!.Tier, caller.Id) is null)
            {
                var current = AgreementRules.Current(await terms.Agreements(), release.Tier);
                refusal = current is null
                    ? "The dataset has no agreement in force."
                    : $"Agreement version {current.Version} replaced the one accepted: accept it before the next download.";
            }
        }

        if (refusal is not null)
        {
            await NoteRefusalAsync(grains, grant, caller, path, refusal, user.Actor(), now, context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Census.Grants"));
            return Problems.Forbidden(refusal);
        }

        var kind = grant.OrganisationKind
            ?? (await grains.GetGrain<IOrganisationGrain>(grant.OrganisationId).Get())?.Kind
            ?? OrganisationKind.IndividualResearcher;
        var downloadId = "dl-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var datasetTerms = AgreementsApi.Terms(grains, grant.InstitutionId, grant.DatasetId);
        var actor = user.Actor();
        await datasetTerms.RecordDownload(new DownloadRecord(downloadId, grant, kind, path, 0, Completed: false, now, actor));
        return ReleasesApi.Serve(release!, path, context, store, (file, content) =>
            context.Response.OnCompleted(async () =>
            {
                // Completed means the response read the file through to its last byte (whole, or the rest of a
                // resumed download) and the client did not leave; bytes are what this response sent.
                if (context.RequestAborted.IsCancellationRequested || content.Position < content.Length)
                {
                    return;
                }

                try
                {
                    await datasetTerms.RecordDownload(new DownloadRecord(downloadId, grant, kind, path, content.BytesRead, Completed: true, clock.GetUtcNow(), actor));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Census.Grants")
                        .LogWarning(e, "Could not record download {DownloadId} of grant {GrantId} as completed", downloadId, grant.Id);
                }
            }));
    }

    /// <summary>A refused download is an event of the dataset's ledger; recording it is best effort, the refusal stands either way.</summary>
    private static async Task NoteRefusalAsync(
        IGrainFactory grains, Grant grant, PrincipalRef caller, string path, string reason, string actor, DateTimeOffset now, ILogger logger)
    {
        var attempt = "attempt-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        try
        {
            await grains.GetGrain<ILedgerGrain>($"{grant.InstitutionId}/{grant.DatasetId}").Append(new LedgerEvent(
                $"{LedgerEventKinds.AttemptRefused}:{attempt}", LedgerEventKinds.AttemptRefused, now, actor,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["requester"] = caller.Id,
                    ["organisation"] = caller.Organisation,
                    ["what"] = "download",
                    ["grant"] = grant.Id,
                    ["path"] = path,
                    ["reason"] = reason,
                }));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record a refused download of grant {GrantId} on the ledger", grant.Id);
        }
    }

    private static async Task<(Grant? Grant, ProblemHttpResult? Problem)> VisibleAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!IsGrantId(id))
        {
            return (null, Problems.Validation(ValidationErrors.For("id", "must be a grant id.")));
        }

        if (await grains.GetGrain<IGrantGrain>(id).Get() is not { } grant)
        {
            return (null, Problems.NotFound($"No grant '{id}'."));
        }

        var visible = user.IsAdmin()
            || (user.IsInRole(CensusRoles.Agency) && user.CanActFor(grant.InstitutionId))
            || (user.IsInRole(CensusRoles.Requester) && user.Principal()?.Id == grant.RequesterId);
        return visible ? (grant, null) : (null, Problems.Forbidden("This grant is not one of the caller's."));
    }

    /// <summary>A grant as it stands now: a live grant whose period ended is shown expired before its reminder records it.</summary>
    private static Grant AsOf(Grant grant, DateTimeOffset now) =>
        GrantRules.StatusAt(grant, now) == grant.Status ? grant : grant with { Status = GrantRules.StatusAt(grant, now) };

    private static bool IsGrantId(string id) => id.StartsWith("gr-", StringComparison.Ordinal) && Rules.IsValidId(id);
}

/// <summary>The body of a revocation: why.</summary>
public sealed record GrantRevocation(string? Reason);
