using System.Security.Claims;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Domain.Rounds;
using Census.Domain.Rubric;

namespace Census.ApiGateway.Apis;

/// <summary>Census rounds: lifecycle and rubric weights (api.md "Rounds").</summary>
public static class RoundsApi
{
    public static IEndpointRouteBuilder MapRoundsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/rounds").WithTags("Rounds");

        api.MapPost("/", Create).RequireAuthorization(CensusRoles.AdminPolicy)
            .Accepts<RoundDefinition>("application/json")
            .WithName("CreateRound").WithSummary("Create a census round in draft (admin).");
        api.MapGet("/", List).RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("ListRounds").WithSummary("List rounds (admin).");
        api.MapGet("/{id}", Get).RequireAuthorization(CensusRoles.MemberPolicy)
            .WithName("GetRound").WithSummary("Get a round (admin; agencies for rounds they are invited to).");
        api.MapPost("/{id}/open", Open).RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("OpenRound").WithSummary("Open a draft round for survey responses (admin).");
        api.MapPost("/{id}/close", Close).RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("CloseRound").WithSummary("Close an open round (admin); it also closes by itself at its deadline.");
        api.MapPut("/{id}/weights", SetWeights).RequireAuthorization(CensusRoles.AdminPolicy)
            .Accepts<RubricWeights>("application/json")
            .WithName("SetRubricWeights").WithSummary("Set new rubric weights: a new rubric version (admin).");
        return routes;
    }

    public static async Task<Results<Created<Round>, ProblemHttpResult>> Create(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<RoundDefinition>(context);
        return body.Problem is { } problem ? problem : await CreateFrom(body.Value, context.User, grains);
    }

    /// <summary>The rules and the grain call of a new round, for the route (after reading its body) and the console's form.</summary>
    public static async Task<Results<Created<Round>, ProblemHttpResult>> CreateFrom(
        RoundDefinition? definition, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var errors = RoundRules.Validate(definition);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var result = await grains.GetGrain<ICensusRoundGrain>(definition!.Id!).Create(definition, caller.Actor());
        return result.Outcome == RoundOutcome.Created
            ? TypedResults.Created($"/api/v1/rounds/{definition.Id}", result.Round!)
            : Problems.Conflict(result.Detail ?? "The round exists.");
    }

    public static async Task<Results<Ok<Page<Round>>, ProblemHttpResult>> List(IGrainFactory grains, string? page, string? pageSize)
    {
        var errors = new ValidationErrors();
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var ids = await grains.GetGrain<IRoundRegistryGrain>(IRoundRegistryGrain.Key).List(validPage, validSize);
        var rounds = await Task.WhenAll(ids.Items.Select(id => grains.GetGrain<ICensusRoundGrain>(id).Get()));
        return TypedResults.Ok(new Page<Round>([.. rounds.OfType<Round>()], ids.PageNumber, ids.PageSize, ids.Total));
    }

    public static async Task<Results<Ok<Round>, ProblemHttpResult>> Get(string id, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var round = grains.GetGrain<ICensusRoundGrain>(id);
        if (!context.User.IsAdmin() &&
            !await round.IsInvited(context.User.FindFirst(CensusRoles.InstitutionClaim)!.Value))
        {
            return Problems.Forbidden("An agency may read only rounds its institution is invited to.");
        }

        if (await round.Get() is not { } found)
        {
            return Problems.NotFound($"No round with id '{id}'.");
        }

        // Who else is invited is the census authority's business, not another agency's.
        return TypedResults.Ok(context.User.IsAdmin() ? found : found with { Institutions = null });
    }

    public static Task<Results<Ok<Round>, ProblemHttpResult>> Open(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, grains, round => round.Open(context.User.Actor()));

    public static Task<Results<Ok<Round>, ProblemHttpResult>> Close(string id, HttpContext context, IGrainFactory grains) =>
        Command(id, grains, round => round.Close(context.User.Actor()));

    public static async Task<Results<Ok<Round>, ProblemHttpResult>> SetWeights(string id, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<RubricWeights>(context);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var errors = RubricWeightsRules.Validate(body.Value, "");
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return await Command(id, grains, round => round.SetWeights(body.Value!, context.User.Actor()));
    }

    private static async Task<Results<Ok<Round>, ProblemHttpResult>> Command(
        string id, IGrainFactory grains, Func<ICensusRoundGrain, Task<RoundCommandResult>> command)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var result = await command(grains.GetGrain<ICensusRoundGrain>(id));
        return result.Outcome switch
        {
            RoundOutcome.Ok => TypedResults.Ok(result.Round!),
            RoundOutcome.NotFound => Problems.NotFound(result.Detail ?? $"No round with id '{id}'."),
            _ => Problems.Conflict(result.Detail ?? "The round is not in a state that allows this."),
        };
    }
}
