using System.Security.Claims;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Domain.Access;

namespace Census.ApiGateway.Apis;

/// <summary>
/// User organisations (companies, universities, research institutes, public bodies, individual researchers): an admin
/// registers one and verifies it; its requesters are then registered as principals of it. Requests are taken only from
/// verified organisations.
/// </summary>
public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/organisations").WithTags("Organisations").RequireAuthorization(CensusRoles.AdminPolicy);
        api.MapPost("/", Register)
            .Accepts<OrganisationRegistration>("application/json")
            .WithName("RegisterOrganisation").WithSummary("Register a user organisation (admin); its requesters are registered as principals of it.");
        api.MapGet("/", List)
            .WithName("ListOrganisations").WithSummary("List user organisations, optionally of one kind or verification state (admin).");
        api.MapGet("/{id}", Get)
            .WithName("GetOrganisation").WithSummary("Get a user organisation (admin).");
        api.MapPost("/{id}/verification", Verify)
            .Accepts<OrganisationVerification>("application/json")
            .WithName("VerifyOrganisation").WithSummary("Record that an admin verified the organisation, and on what grounds; requests are taken only from verified organisations.");
        return routes;
    }

    public static async Task<Results<Created<Organisation>, ProblemHttpResult>> Register(HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var body = await JsonBody.ReadAsync<OrganisationRegistration>(context);
        return body.Problem is { } problem ? problem : await RegisterFrom(body.Value, context.User, grains, clock);
    }

    /// <summary>The rules and the grain call of a registration, for the route and the console's form.</summary>
    public static async Task<Results<Created<Organisation>, ProblemHttpResult>> RegisterFrom(
        OrganisationRegistration? registration, ClaimsPrincipal caller, IGrainFactory grains, TimeProvider clock)
    {
        var validated = OrganisationRules.Validate(registration, clock.GetUtcNow(), caller.Actor());
        if (!validated.IsValid)
        {
            return Problems.Validation(validated.Errors!);
        }

        var organisation = validated.Value!;
        var (created, stored) = await grains.GetGrain<IOrganisationGrain>(organisation.Id).Register(organisation);
        return created
            ? TypedResults.Created($"/api/v1/organisations/{stored.Id}", stored)
            : Problems.Conflict($"An organisation with id '{stored.Id}' already exists.");
    }

    public static async Task<Results<Ok<Page<Organisation>>, ProblemHttpResult>> List(
        IGrainFactory grains, string? kind, string? verified, string? page, string? pageSize)
    {
        var errors = new ValidationErrors();
        var kindFilter = QueryValues.Enum<OrganisationKind>(errors, "kind", kind);
        bool? verifiedFilter = verified switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Invalid(errors),
        };
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        return errors.IsValid
            ? TypedResults.Ok(await grains.GetGrain<IOrganisationRegistryGrain>(IOrganisationRegistryGrain.Key).List(kindFilter, verifiedFilter, validPage, validSize))
            : Problems.Validation(errors);

        static bool? Invalid(ValidationErrors errors)
        {
            errors.Add("verified", "must be true or false.");
            return null;
        }
    }

    public static async Task<Results<Ok<Organisation>, ProblemHttpResult>> Get(string id, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        return await grains.GetGrain<IOrganisationGrain>(id).Get() is { } organisation
            ? TypedResults.Ok(organisation)
            : Problems.NotFound($"No organisation with id '{id}'.");
    }

    public static async Task<Results<Ok<Organisation>, ProblemHttpResult>> Verify(string id, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<OrganisationVerification>(context);
        return body.Problem is { } problem ? problem : await VerifyFrom(id, body.Value, context.User, grains);
    }

    /// <summary>The rules and the grain call of a verification, for the route and the console's form.</summary>
    public static async Task<Results<Ok<Organisation>, ProblemHttpResult>> VerifyFrom(
        string id, OrganisationVerification? verification, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var errors = OrganisationRules.ValidateVerification(verification);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return await grains.GetGrain<IOrganisationGrain>(id).Verify(verification!.Note!.Trim(), caller.Actor()) is { } organisation
            ? TypedResults.Ok(organisation)
            : Problems.NotFound($"No organisation with id '{id}'.");
    }
}
