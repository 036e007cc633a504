using System.Security.Claims;
using System.Security.Cryptography;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.Releases;
using Census.Domain.Access;
using Census.Domain.Releases;

namespace Census.ApiGateway.Apis;

/// <summary>
/// Access requests for restricted and safe-zone-only data (provision.md §2): submitted by a requester of a verified
/// organisation, decided by the providing institution and one reviewer, due in 10 days (extendable once), and on
/// approval turned into a grant. Each party sees the requests that concern it.
/// </summary>
public static class AccessRequestsApi
{
    public static IEndpointRouteBuilder MapAccessRequestsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/access-requests").WithTags("Access requests");
        api.MapPost("/", Submit).RequireAuthorization(CensusRoles.RequesterPolicy)
            .Accepts<AccessRequestSubmission>("application/json")
            .WithName("SubmitAccessRequest")
            .WithSummary("Ask for restricted or safe-zone-only data of a published release, for a purpose, project, analysts and period, having accepted the tier's current agreement. Refused with why: open or not providable data, a purpose the licence excludes, a period over the limit, an unverified organisation.");
        api.MapGet("/", List).RequireAuthorization(CensusRoles.AccessPolicy)
            .WithName("ListAccessRequests")
            .WithSummary("The requests that concern the caller, soonest due first: a requester's own, an agency's datasets', a reviewer's open queue (none of their own organisation), or all (admin). Filters: status, overdue, institutionId, datasetId.");
        api.MapGet("/{id}", Get).RequireAuthorization(CensusRoles.AccessPolicy)
            .WithName("GetAccessRequest")
            .WithSummary("A request with its approvals, due date and history.");
        api.MapPost("/{id}/decisions", Decide).RequireAuthorization(CensusRoles.AccessPolicy)
            .Accepts<AccessDecisionInput>("application/json")
            .WithName("DecideAccessRequest")
            .WithSummary("Approve, reject or ask for changes, with a reason: the providing agency and one reviewer (not of the requester's organisation) must both approve; an admin may reject or ask for changes. The second approval issues the grant.");
        api.MapPost("/{id}/resubmission", Resubmit).RequireAuthorization(CensusRoles.RequesterPolicy)
            .Accepts<AccessRequestChanges>("application/json")
            .WithName("ResubmitAccessRequest")
            .WithSummary("Answer a request for changes (the requester): the members given replace the old ones; both approvals are needed again.");
        api.MapPost("/{id}/withdrawal", Withdraw).RequireAuthorization(CensusRoles.RequesterPolicy)
            .Accepts<AccessWithdrawal>("application/json")
            .WithName("WithdrawAccessRequest")
            .WithSummary("Withdraw an open request (the requester).");
        api.MapPost("/{id}/extension", Extend).RequireAuthorization(CensusRoles.MemberPolicy)
            .Accepts<AccessExtension>("application/json")
            .WithName("ExtendAccessRequest")
            .WithSummary("Move the decision's due date once, by 1–10 days, with a reason (the providing agency or an admin).");
        return routes;
    }

    public static async Task<Results<Created<AccessRequest>, ProblemHttpResult>> Submit(HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var body = await JsonBody.ReadAsync<AccessRequestSubmission>(context);
        return body.Problem is { } problem ? problem : await SubmitWith(body.Value, context, grains, clock);
    }

    /// <summary>A submission already read: the one rule set of the API route and the console's request form.</summary>
    public static async Task<Results<Created<AccessRequest>, ProblemHttpResult>> SubmitWith(
        AccessRequestSubmission? body, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var errors = AccessRequestRules.Validate(body);
        if (body?.Version is { } v && !ReleaseVersions.IsValid(v))
        {
            errors.Add("version", "must be a release version such as 1.0 or 1.2.");
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var submission = body!;
        var (requester, organisation, refusal) = await Requesters.VerifiedAsync(context.User, grains);
        if (refusal is not null)
        {
            return refusal;
        }

        var datasetKey = $"{submission.InstitutionId}/{submission.DatasetId}";
        if (await grains.GetGrain<IReleaseGrain>(datasetKey).Get(submission.Version!) is not { State: ReleaseState.Published } release)
        {
            return Problems.Unprocessable($"{datasetKey} has no published release version '{submission.Version}': only released data can be requested.");
        }

        if (AccessRequestRules.TierRefusal(release.Tier) is { } tierRefusal)
        {
            return Problems.Unprocessable(tierRefusal);
        }

        if (AccessRequestRules.PeriodError(release.Tier, submission.PeriodDays!.Value) is { } periodError)
        {
            return Problems.Validation(ValidationErrors.For("periodDays", periodError));
        }

        if (AccessRequestRules.PurposeExclusion(submission.Purpose!.Value, release.License ?? Census.Contracts.Surveys.License.Unknown) is { } excluded)
        {
            return Problems.Unprocessable(excluded);
        }

        var terms = AgreementsApi.Terms(grains, submission.InstitutionId!, submission.DatasetId!);
        var accepted = await terms.CurrentAcceptance(release.Tier, requester!.Id);
        if (accepted is null || accepted.Version != submission.AgreementVersion)
        {
            var current = AgreementRules.Current(await terms.Agreements(), release.Tier);
            return Problems.Unprocessable(current is null
                ? $"{datasetKey} has no agreement for {Names.Of(release.Tier)} data yet; a request can be made once the institution publishes one."
                : $"Accept agreement version {current.Version} for {Names.Of(release.Tier)} data first and name it as agreementVersion.");
        }

        if (await AnalystProblem(grains, submission.Analysts!, organisation!.Id) is { } analystProblem)
        {
            return analystProblem;
        }

        var id = "ar-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var request = AccessRequestRules.Submitted(
            id, submission, release.Tier, requester.Id, organisation.Id, organisation.Kind, clock.GetUtcNow(), context.User.Actor());
        var result = await grains.GetGrain<IAccessRequestGrain>(id).Submit(request);
        return result.Request is { } stored
            ? TypedResults.Created($"/api/v1/access-requests/{id}", stored)
            : Refusal(result);
    }

    public static async Task<Results<Ok<Page<AccessRequestSummary>>, ProblemHttpResult>> List(
        HttpContext context, IGrainFactory grains, TimeProvider clock,
        string? status, string? overdue, string? institutionId, string? datasetId, string? page, string? pageSize)
    {
        var errors = new ValidationErrors();
        var statusFilter = QueryValues.Enum<AccessRequestStatus>(errors, "status", status);
        var overdueFilter = Flag(errors, "overdue", overdue);
        if (institutionId is not null)
        {
            Rules.Id(errors, "institutionId", institutionId);
        }

        if (datasetId is not null)
        {
            Rules.Id(errors, "datasetId", datasetId);
        }

        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var user = context.User;
        var query = new AccessQuery(institutionId, null, statusFilter, overdueFilter, OpenOnly: false, null, clock.GetUtcNow(), datasetId);
        if (user.IsInRole(CensusRoles.Requester))
        {
            query = query with { RequesterId = user.Principal()!.Id };
        }
        else if (user.IsInRole(CensusRoles.Agency))
        {
            var own = user.FindFirstValue(CensusRoles.InstitutionClaim)!;
            if (institutionId is not null && institutionId != own)
            {
                return Problems.Forbidden("An agency sees the requests for its own institution's datasets.");
            }

            query = query with { InstitutionId = own };
        }
        else if (user.IsInRole(CensusRoles.Reviewer))
        {
            query = query with { OpenOnly = true, ExcludeOrganisation = user.Principal()!.Organisation };
        }

        return TypedResults.Ok(await grains.GetGrain<IAccessBoardGrain>(IAccessBoardGrain.Key).Requests(query, validPage, validSize));
    }

    public static async Task<Results<Ok<AccessRequest>, ProblemHttpResult>> Get(string id, HttpContext context, IGrainFactory grains)
    {
        var (request, problem) = await VisibleAsync(id, context.User, grains);
        return problem ?? (Results<Ok<AccessRequest>, ProblemHttpResult>)TypedResults.Ok(request!);
    }

    public static async Task<Results<Ok<AccessRequest>, ProblemHttpResult>> Decide(string id, HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<AccessDecisionInput>(context);
        return body.Problem ?? await DecideWith(id, body.Value, context, grains);
    }

    /// <summary>A decision already read from its body (the API route and the console's review page).</summary>
    public static async Task<Results<Ok<AccessRequest>, ProblemHttpResult>> DecideWith(string id, AccessDecisionInput? input, HttpContext context, IGrainFactory grains)
    {
        var (request, problem) = await VisibleAsync(id, context.User, grains);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        Rules.Required(errors, "decision", input?.Decision);
        Rules.RequiredText(errors, "reason", input?.Reason, AccessRequestRules.MaxReasonLength);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var user = context.User;
        AccessDecider? capacity = user.IsAdmin() ? AccessDecider.Admin
            : user.IsInRole(CensusRoles.Agency) && user.CanActFor(request!.InstitutionId) ? AccessDecider.Agency
            : user.IsInRole(CensusRoles.Reviewer) ? AccessDecider.Reviewer
            : null;
        var result = await grains.GetGrain<IAccessRequestGrain>(id)
            .Decide(input!.Decision!.Value, input.Reason!.Trim(), new AccessActor(user.Actor(), capacity, user.Principal()));
        return Answer(result);
    }

    public static async Task<Results<Ok<AccessRequest>, ProblemHttpResult>> Resubmit(string id, HttpContext context, IGrainFactory grains)
    {
        // A request the caller may not see answers so before anything about the body.
        var body = await JsonBody.ReadAsync<AccessRequestChanges>(context);
        return body.Problem is { } bodyProblem
            ? (await VisibleAsync(id, context.User, grains)).Problem ?? bodyProblem
            : await ResubmitWith(id, body.Value, context, grains);
    }

    /// <summary>Changes already read: the one rule set of the API route and the console's resubmission form.</summary>
    public static async Task<Results<Ok<AccessRequest>, ProblemHttpResult>> ResubmitWith(
        string id, AccessRequestChanges? body, HttpContext context, IGrainFactory grains)
    {
        var (request, problem) = await VisibleAsync(id, context.User, grains);
        if (problem is not null)
        {
            return problem;
        }

        var errors = AccessRequestRules.ValidateChanges(body, request!);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        if (body!.Analysts is { } analysts && await AnalystProblem(grains, analysts, request!.OrganisationId) is { } analystProblem)
        {
            return analystProblem;
        }

        return Answer(await grains.GetGrain<IAccessRequestGrain>(id).Resubmit(body, Actor(context.User)));
    }

    public static async Task<Results<Ok<AccessRequest>, ProblemHttpResult>> Withdraw(string id, HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<AccessWithdrawal>(context);
        return body.Problem is { } bodyProblem
            ? (await VisibleAsync(id, context.User, grains)).Problem ?? bodyProblem
            : await WithdrawWith(id, body.Value, context, grains);
    }

    /// <summary>A withdrawal already read: the one rule set of the API route and the console's withdraw button.</summary>
    public static async Task<Results<Ok<AccessRequest>, ProblemHttpResult>> WithdrawWith(
        string id, AccessWithdrawal? body, HttpContext context, IGrainFactory grains)
    {
        var (_, problem) = await VisibleAsync(id, context.User, grains);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        Rules.OptionalText(errors, "reason", body?.Reason, AccessRequestRules.MaxReasonLength);
        return errors.IsValid
            ? Answer(await grains.GetGrain<IAccessRequestGrain>(id).Withdraw(body?.Reason?.Trim(), Actor(context.User)))
            : Problems.Validation(errors);
    }

    public static async Task<Results<Ok<AccessRequest>, ProblemHttpResult>> Extend(string id, HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<AccessExtension>(context);
        return body.Problem ?? await ExtendWith(id, body.Value, context, grains);
    }

    /// <summary>An extension already read from its body (the API route and the console's review page).</summary>
    public static async Task<Results<Ok<AccessRequest>, ProblemHttpResult>> ExtendWith(string id, AccessExtension? input, HttpContext context, IGrainFactory grains)
    {
        var (request, problem) = await VisibleAsync(id, context.User, grains);
        if (problem is not null)
        {
            return problem;
        }

        if (!context.User.CanActFor(request!.InstitutionId))
        {
            return Problems.Forbidden("Only the providing institution's agency or an admin extends a request's due date.");
        }

        var errors = new ValidationErrors();
        Rules.Required(errors, "days", input?.Days);
        if (input?.Days is < 1 or > AccessRequestRules.MaxExtensionDays)
        {
            errors.Add("days", $"must be 1–{AccessRequestRules.MaxExtensionDays}.");
        }

        Rules.RequiredText(errors, "reason", input?.Reason, AccessRequestRules.MaxReasonLength);
        return errors.IsValid
            ? Answer(await grains.GetGrain<IAccessRequestGrain>(id).Extend(input!.Days!.Value, input.Reason!.Trim(), Actor(context.User)))
            : Problems.Validation(errors);
    }

    /// <summary>The request when the caller may see it: its requester, the providing agency, a reviewer not of either party, or an admin.</summary>
    private static async Task<(AccessRequest? Request, ProblemHttpResult? Problem)> VisibleAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!IsRequestId(id))
        {
            return (null, Problems.Validation(ValidationErrors.For("id", "must be an access request id (ar- and 16 hexadecimal characters).")));
        }

        if (await grains.GetGrain<IAccessRequestGrain>(id).Get() is not { } request)
        {
            return (null, Problems.NotFound($"No access request '{id}'."));
        }

        var principal = user.Principal();
        var visible = user.IsAdmin()
            || (user.IsInRole(CensusRoles.Agency) && user.CanActFor(request.InstitutionId))
            || (user.IsInRole(CensusRoles.Requester) && principal?.Id == request.RequesterId)
            || (user.IsInRole(CensusRoles.Reviewer) && principal is not null
                && principal.Organisation != request.OrganisationId && principal.Organisation != request.InstitutionId);
        return visible ? (request, null) : (null, Problems.Forbidden("This request is not one of the caller's."));
    }

    private static bool IsRequestId(string id) =>
        id.Length == 19 && id.StartsWith("ar-", StringComparison.Ordinal) && !id.AsSpan(3).ContainsAnyExcept(LowerHex);

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>Analysts are registered requesters of the request's organisation.</summary>
    private static async Task<ProblemHttpResult?> AnalystProblem(IGrainFactory grains, IReadOnlyList<string> analysts, string organisationId)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < analysts.Count; i++)
        {
            var analyst = await grains.GetGrain<IPrincipalGrain>(analysts[i]).Get();
            if (analyst is not { Role: PrincipalRole.Requester } || analyst.Organisation != organisationId)
            {
                errors.Add($"analysts[{i}]", $"'{analysts[i]}' is not a registered requester of {organisationId}.");
            }
        }

        return errors.IsValid ? null : Problems.Status(StatusCodes.Status422UnprocessableEntity, "Unknown analysts",
            string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
    }

    private static bool? Flag(ValidationErrors errors, string name, string? value)
    {
        switch (value)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors.Add(name, "must be true or false.");
                return null;
        }
    }

    private static AccessActor Actor(ClaimsPrincipal user) => new(user.Actor(), null, user.Principal());

    private static Results<Ok<AccessRequest>, ProblemHttpResult> Answer(AccessResult result) =>
        result.Request is { } request ? TypedResults.Ok(request) : Refusal(result);

    /// <summary>The one mapping of a refused access operation to its problem.</summary>
    internal static ProblemHttpResult Refusal(AccessResult result) => result.Refusal switch
    {
        AccessRefusalKind.NotFound => Problems.NotFound(result.Detail ?? "No such request."),
        AccessRefusalKind.Forbidden => Problems.Forbidden(result.Detail ?? "Not allowed."),
        AccessRefusalKind.Unprocessable => Problems.Unprocessable(result.Detail ?? "The request cannot be processed."),
        AccessRefusalKind.Invalid => Problems.Status(StatusCodes.Status400BadRequest, "The request is not valid.", result.Detail ?? "Invalid."),
        _ => Problems.Conflict(result.Detail ?? "The request's state does not allow this."),
    };
}

/// <summary>The body of a withdrawal: an optional reason.</summary>
public sealed record AccessWithdrawal(string? Reason);
