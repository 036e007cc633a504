using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.Rankings;
using Census.Contracts.Rounds;

namespace Census.ApiGateway.Apis;

/// <summary>Ranking runs, explanations and the finalized selection (api.md "Rankings and selection").</summary>
public static class RankingsApi
{
    /// <summary>The optional body of <c>POST …/rankings</c>.</summary>
    public sealed record RankingRequest
    {
        /// <summary>The rubric version to rank with; default the round's current one.</summary>
        public int? RubricVersion { get; init; }
    }

    /// <summary>The body of <c>POST …/selection</c>.</summary>
    public sealed record FinalizeRequest
    {
        /// <summary>The completed run whose selection becomes the round's; it must have started after the round closed.</summary>
        [Required]
        public string? RunId { get; init; }
    }

    public static IEndpointRouteBuilder MapRankingsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/rounds/{id}").WithTags("Rankings and selection");

        api.MapPost("/rankings", Start).RequireAuthorization(CensusRoles.AdminPolicy)
            .Accepts<RankingRequest>("application/json")
            .WithName("StartRankingRun").WithSummary("Start a census-wide ranking run (admin); 202 with the run.");
        api.MapGet("/rankings/{runId}", GetRun).RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("GetRankingRun").WithSummary("A ranking run: state, counts and its selection (admin).");
        api.MapGet("/rankings/{runId}/explain/{institutionId}/{datasetId}", Explain).RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("ExplainRanking").WithSummary("Why a record is or is not in a run's selection (admin).");
        api.MapPost("/selection", FinalizeSelection).RequireAuthorization(CensusRoles.AdminPolicy)
            .Accepts<FinalizeRequest>("application/json")
            .WithName("FinalizeSelection").WithSummary("Finalize a closed round with the selection of a completed run started after the close (admin); 409 for an earlier run.");
        api.MapGet("/selection", GetSelection).RequireAuthorization(CensusRoles.MemberPolicy)
            .WithName("GetSelection").WithSummary("The finalized selection (admin; an agency sees its own rows).");
        return routes;
    }

    public static async Task<Results<Accepted<RankingRun>, ProblemHttpResult>> Start(string id, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        int? rubricVersion = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = await JsonBody.ReadAsync<RankingRequest>(context);
            if (body.Problem is { } problem)
            {
                return problem;
            }

            rubricVersion = body.Value?.RubricVersion;
        }

        return await StartWith(id, rubricVersion, context.User, grains);
    }

    /// <summary>Starting a run once the optional body is read: for the route and the console's form.</summary>
    public static async Task<Results<Accepted<RankingRun>, ProblemHttpResult>> StartWith(
        string id, int? rubricVersion, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        if (rubricVersion is < 1)
        {
            return Problems.Validation(ValidationErrors.For("rubricVersion", "must be 1 or more."));
        }

        var result = await grains.GetGrain<ICensusRoundGrain>(id).StartRanking(rubricVersion, caller.Actor());
        return result.Outcome switch
        {
            StartRankingOutcome.Started => TypedResults.Accepted($"/api/v1/rounds/{id}/rankings/{result.Run!.RunId}", result.Run),
            StartRankingOutcome.RoundNotFound => Problems.NotFound(result.Detail!),
            StartRankingOutcome.UnknownRubricVersion => Problems.Validation(ValidationErrors.For("rubricVersion", result.Detail!)),
            _ => Problems.Conflict(result.Detail!),
        };
    }

    public static async Task<Results<Ok<RankingRun>, ProblemHttpResult>> GetRun(string id, string runId, IGrainFactory grains)
    {
        if (InvalidIds(("id", id), ("runId", runId)) is { } invalid)
        {
            return invalid;
        }

        return await grains.GetGrain<IRankingRunGrain>($"{id}/{runId}").Get() is { } run
            ? TypedResults.Ok(run)
            : Problems.NotFound($"Round '{id}' has no ranking run '{runId}'.");
    }

    public static async Task<Results<Ok<Explanation>, ProblemHttpResult>> Explain(
        string id, string runId, string institutionId, string datasetId, IGrainFactory grains, HttpContext context)
    {
        if (InvalidIds(("id", id), ("runId", runId), ("institutionId", institutionId), ("datasetId", datasetId)) is { } invalid)
        {
            return invalid;
        }

        var run = grains.GetGrain<IRankingRunGrain>($"{id}/{runId}");
        if (await run.Get() is not { } found)
        {
            return Problems.NotFound($"Round '{id}' has no ranking run '{runId}'.");
        }

        if (found.State is RunState.Running or RunState.Failed)
        {
            return Problems.Conflict($"Run '{runId}' is {Names.Of(found.State)}: there is nothing to explain yet.");
        }

        return await run.Explain(institutionId, datasetId, context.RequestAborted) is { } explanation
            ? TypedResults.Ok(explanation)
            : Problems.NotFound($"No record of dataset '{datasetId}' of '{institutionId}' in round '{id}'.");
    }

    public static async Task<Results<Ok<Round>, ProblemHttpResult>> FinalizeSelection(string id, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<FinalizeRequest>(context);
        return body.Problem is { } problem ? problem : await FinalizeWith(id, body.Value, context.User, grains);
    }

    /// <summary>Finalizing once the body is read: for the route and the console's form.</summary>
    public static async Task<Results<Ok<Round>, ProblemHttpResult>> FinalizeWith(
        string id, FinalizeRequest? request, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var errors = new ValidationErrors();
        Rules.Id(errors, "runId", request?.RunId);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var result = await grains.GetGrain<ICensusRoundGrain>(id).Finalize(request!.RunId!, caller.Actor());
        return result.Outcome switch
        {
            RoundOutcome.Ok => TypedResults.Ok(result.Round!),
            RoundOutcome.NotFound => Problems.NotFound(result.Detail!),
            _ => Problems.Conflict(result.Detail!),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<SelectedRecord>>, ProblemHttpResult>> GetSelection(
        string id, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var round = grains.GetGrain<ICensusRoundGrain>(id);
        if (!context.User.IsAdmin() && !await round.IsInvited(context.User.FindFirst(CensusRoles.InstitutionClaim)!.Value))
        {
            return Problems.Forbidden("An agency may read only rounds its institution is invited to.");
        }

        if (await round.Selection() is not { } selection)
        {
            return Problems.NotFound($"Round '{id}' has no finalized selection.");
        }

        var institution = context.User.FindFirst(CensusRoles.InstitutionClaim)?.Value;
        IReadOnlyList<SelectedRecord> visible = context.User.IsAdmin() ? selection : [.. selection.Where(s => s.InstitutionId == institution)];
        return TypedResults.Ok(visible);
    }

    private static ProblemHttpResult? InvalidIds(params (string Name, string Value)[] ids)
    {
        var errors = new ValidationErrors();
        foreach (var (name, value) in ids)
        {
            Rules.Id(errors, name, value);
        }

        return errors.IsValid ? null : Problems.Validation(errors);
    }
}
