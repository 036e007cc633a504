using System.Security.Claims;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Domain.Principals;
using Census.Domain.Security;

namespace Census.ApiGateway.Apis;

/// <summary>
/// Registered people acting in the provision roles (reviewer, requester, zone operator, output checker) and their keys,
/// issued by admins with the same hygiene as institution keys: shown once, only a hash kept, revocable at once.
/// </summary>
public static class PrincipalsApi
{
    public static IEndpointRouteBuilder MapPrincipalsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/principals").WithTags("Principals");
        api.MapPost("/", Register).RequireAuthorization(CensusRoles.AdminPolicy)
            .Accepts<PrincipalRegistration>("application/json")
            .WithName("RegisterPrincipal").WithSummary("Register a reviewer, requester, zone operator or output checker (admin).");
        api.MapGet("/", List).RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("ListPrincipals").WithSummary("List principals, optionally of one role and of one organisation (admin).");
        api.MapGet("/{id}", Get).RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("GetPrincipal").WithSummary("Get a principal (admin).");
        api.MapPost("/{id}/api-keys", IssueApiKey).RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("IssuePrincipalApiKey").WithSummary("Issue an API key for a principal; the key is shown only in this response (admin).");
        api.MapGet("/{id}/api-keys", ListApiKeys).RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("ListPrincipalApiKeys").WithSummary("List a principal's API keys, never a secret (admin).");
        api.MapDelete("/{id}/api-keys/{keyId}", RevokeApiKey).RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("RevokePrincipalApiKey").WithSummary("Revoke a principal's API key; it stops working at once (admin).");
        return routes;
    }

    public static async Task<Results<Created<Principal>, ProblemHttpResult>> Register(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<PrincipalRegistration>(context);
        return body.Problem is { } problem ? problem : await RegisterFrom(body.Value, context.User, grains);
    }

    /// <summary>The rules and the grain call of a registration, for the route and the console's form.</summary>
    public static async Task<Results<Created<Principal>, ProblemHttpResult>> RegisterFrom(
        PrincipalRegistration? registration, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var validated = PrincipalRules.Validate(registration);
        if (!validated.IsValid)
        {
            return Problems.Validation(validated.Errors!);
        }

        var principal = validated.Value!;
        if (principal.Role == PrincipalRole.Requester && await grains.GetGrain<IOrganisationGrain>(principal.Organisation).Get() is null)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "Unknown organisation",
                $"A requester acts for a registered user organisation; '{principal.Organisation}' is not one (POST /api/v1/organisations).");
        }

        var result = await grains.GetGrain<IPrincipalGrain>(principal.Id).Register(principal, caller.Actor());
        return result.Created
            ? TypedResults.Created($"/api/v1/principals/{principal.Id}", result.Principal)
            : Problems.Conflict($"A principal with id '{principal.Id}' already exists.");
    }

    public static async Task<Results<Ok<Page<Principal>>, ProblemHttpResult>> List(
        IGrainFactory grains, string? role, string? organisation, string? page, string? pageSize)
    {
        var errors = new ValidationErrors();
        var roleFilter = QueryValues.Enum<PrincipalRole>(errors, "role", role);
        if (organisation is not null)
        {
            Rules.Id(errors, "organisation", organisation);
        }

        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        return errors.IsValid
            ? TypedResults.Ok(await grains.GetGrain<IPrincipalRegistryGrain>(IPrincipalRegistryGrain.Key).List(roleFilter, organisation, validPage, validSize))
            : Problems.Validation(errors);
    }

    public static async Task<Results<Ok<Principal>, ProblemHttpResult>> Get(string id, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        return await grains.GetGrain<IPrincipalGrain>(id).Get() is { } principal
            ? TypedResults.Ok(principal)
            : Problems.NotFound($"No principal with id '{id}'.");
    }

    public static async Task<Results<Created<IssuedApiKey>, ProblemHttpResult>> IssueApiKey(string id, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var generated = ApiKeys.GenerateForPrincipal(id);
        var createdAt = await grains.GetGrain<IPrincipalGrain>(id)
            .AddApiKey(new NewApiKey(generated.KeyId, generated.SecretHash), context.User.Actor());
        return createdAt is null
            ? Problems.NotFound($"No principal with id '{id}'.")
            : TypedResults.Created($"/api/v1/principals/{id}/api-keys/{generated.KeyId}", new IssuedApiKey(generated.KeyId, generated.Token, createdAt.Value));
    }

    public static async Task<Results<Ok<Page<ApiKeySummary>>, ProblemHttpResult>> ListApiKeys(string id, IGrainFactory grains, string? page, string? pageSize)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var errors = new ValidationErrors();
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var keys = await grains.GetGrain<IPrincipalGrain>(id).ListApiKeys();
        return keys is null
            ? Problems.NotFound($"No principal with id '{id}'.")
            : TypedResults.Ok(new Page<ApiKeySummary>([.. Paging.Slice(keys, validPage, validSize)], validPage, validSize, keys.Count));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(string id, string keyId, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        if (!ApiKeys.IsKeyId(keyId))
        {
            return Problems.Validation(ValidationErrors.For("keyId", "must be 12 lower-case hexadecimal characters."));
        }

        return await grains.GetGrain<IPrincipalGrain>(id).RevokeApiKey(keyId, context.User.Actor()) switch
        {
            RevokeApiKeyOutcome.Revoked or RevokeApiKeyOutcome.AlreadyRevoked => TypedResults.NoContent(),
            RevokeApiKeyOutcome.InstitutionNotFound => Problems.NotFound($"No principal with id '{id}'."),
            _ => Problems.NotFound($"Principal '{id}' has no API key '{keyId}'."),
        };
    }
}
