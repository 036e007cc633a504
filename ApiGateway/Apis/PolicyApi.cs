using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Domain.Provision;

namespace Census.ApiGateway.Apis;

/// <summary>The versioned de-identification policy that evidence is judged by (provision.md §1).</summary>
public static class PolicyApi
{
    public static IEndpointRouteBuilder MapPolicyApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/provision/policy").WithTags("Processing");
        api.MapGet("/", Versions).RequireAuthorization(CensusRoles.ProvisionPolicy)
            .WithName("GetDeidentificationPolicy").WithSummary("Every version of the de-identification policy, oldest first; the last is current.");
        api.MapPut("/", Set).RequireAuthorization(CensusRoles.AdminPolicy)
            .Accepts<DeidentificationPolicyDefinition>("application/json")
            .WithName("SetDeidentificationPolicy").WithSummary("Set a new version of the de-identification policy (admin); evidence judged before keeps its version.");
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<DeidentificationPolicy>>> Versions(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPolicyGrain>(IPolicyGrain.Key).Versions());

    public static async Task<Results<Ok<DeidentificationPolicy>, ProblemHttpResult>> Set(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<DeidentificationPolicyDefinition>(context);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        if (DeidentificationPolicies.Validate(body.Value) is { } errors)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<IPolicyGrain>(IPolicyGrain.Key).Set(body.Value!, context.User.Actor()));
    }
}
