using System.Security.Claims;
using System.Text.Json;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Domain.Institutions;
using Census.Domain.Security;
using Microsoft.AspNetCore.Mvc;

namespace Census.ApiGateway.Apis;

/// <summary>Institutions and their API keys (api.md "Institutions").</summary>
public static class InstitutionsApi
{
    public static IEndpointRouteBuilder MapInstitutionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/institutions").WithTags("Institutions");

        api.MapPost("/", Register)
            .RequireAuthorization(CensusRoles.AdminPolicy)
            .Accepts<InstitutionRegistration>("application/json")
            .WithName("RegisterInstitution")
            .WithSummary("Register an institution (admin).");

        api.MapGet("/", List)
            .RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("ListInstitutions")
            .WithSummary("List institutions, filtered by sector and kind (admin).");

        api.MapGet("/{id}", Get)
            .RequireAuthorization(CensusRoles.MemberPolicy)
            .WithName("GetInstitution")
            .WithSummary("Get an institution (admin, or that institution).");

        api.MapPost("/{id}/api-keys", IssueApiKey)
            .RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("IssueApiKey")
            .WithSummary("Issue an API key for an institution; the key is shown only in this response (admin).");

        api.MapGet("/{id}/api-keys", ListApiKeys)
            .RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("ListApiKeys")
            .WithSummary("List an institution's API keys, oldest first: ids, creation, revocation and last use; never a secret (admin).");

        api.MapDelete("/{id}/api-keys/{keyId}", RevokeApiKey)
            .RequireAuthorization(CensusRoles.AdminPolicy)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key; it stops working at once (admin).");

        return routes;
    }

    public static async Task<Results<Created<Institution>, ProblemHttpResult>> Register(
        HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<InstitutionRegistration>(context);
        return body.Problem is { } problem ? problem : await RegisterFrom(body.Value, context.User, grains);
    }

    /// <summary>The rules and the grain call of a registration, for the route (after reading its body) and the console's form.</summary>
    public static async Task<Results<Created<Institution>, ProblemHttpResult>> RegisterFrom(
        InstitutionRegistration? registration, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var validated = InstitutionRules.Validate(registration);
        if (!validated.IsValid)
        {
            return Problems.Validation(validated.Errors!);
        }

        var profile = validated.Value!;
        var result = await grains.GetGrain<IInstitutionGrain>(profile.Id).Register(profile, caller.Actor());
        return result.Created
            ? TypedResults.Created($"/api/v1/institutions/{profile.Id}", result.Institution)
            : Problems.Conflict($"An institution with id '{profile.Id}' already exists.");
    }

    public static async Task<Results<Ok<Page<Institution>>, ProblemHttpResult>> List(
        IGrainFactory grains, string? sector, string? kind, string? page, string? pageSize)
    {
        var errors = new ValidationErrors();
        var sectorFilter = QueryValues.Enum<Sector>(errors, "sector", sector);
        var kindFilter = QueryValues.Enum<InstitutionKind>(errors, "kind", kind);
        var pageNumber = QueryValues.WholeNumber(errors, "page", page);
        var size = QueryValues.WholeNumber(errors, "pageSize", pageSize);
        var (validPage, validSize) = Paging.Validate(errors, pageNumber, size);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var registry = grains.GetGrain<IInstitutionRegistryGrain>(IInstitutionRegistryGrain.Key);
        return TypedResults.Ok(await registry.List(new InstitutionQuery(sectorFilter, kindFilter, validPage, validSize)));
    }

    public static async Task<Results<Ok<Institution>, ProblemHttpResult>> Get(
        string id, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        if (!context.User.CanActFor(id))
        {
            return Problems.Forbidden("An agency key may read only its own institution.");
        }

        var institution = await grains.GetGrain<IInstitutionGrain>(id).Get();
        return institution is null
            ? Problems.NotFound($"No institution with id '{id}'.")
            : TypedResults.Ok(institution);
    }

    public static async Task<Results<Created<IssuedApiKey>, ProblemHttpResult>> IssueApiKey(
        string id, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var generated = ApiKeys.Generate(id);
        var createdAt = await grains.GetGrain<IInstitutionGrain>(id)
            .AddApiKey(new NewApiKey(generated.KeyId, generated.SecretHash), context.User.Actor());
        return createdAt is null
            ? Problems.NotFound($"No institution with id '{id}'.")
            : TypedResults.Created(
                $"/api/v1/institutions/{id}/api-keys/{generated.KeyId}",
                new IssuedApiKey(generated.KeyId, generated.Token, createdAt.Value));
    }

    public static async Task<Results<Ok<Page<ApiKeySummary>>, ProblemHttpResult>> ListApiKeys(
        string id, IGrainFactory grains, string? page, string? pageSize)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        var errors = new ValidationErrors();
        var pageNumber = QueryValues.WholeNumber(errors, "page", page);
        var size = QueryValues.WholeNumber(errors, "pageSize", pageSize);
        var (validPage, validSize) = Paging.Validate(errors, pageNumber, size);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var keys = await grains.GetGrain<IInstitutionGrain>(id).ListApiKeys();
        return keys is null
            ? Problems.NotFound($"No institution with id '{id}'.")
            : TypedResults.Ok(new Page<ApiKeySummary>([.. Paging.Slice(keys, validPage, validSize)], validPage, validSize, keys.Count));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(
        string id, string keyId, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        if (!ApiKeys.IsKeyId(keyId))
        {
            return Problems.Validation(ValidationErrors.For("keyId", "must be 12 lower-case hexadecimal characters."));
        }

        var outcome = await grains.GetGrain<IInstitutionGrain>(id).RevokeApiKey(keyId, context.User.Actor());
        return outcome switch
        {
            RevokeApiKeyOutcome.Revoked or RevokeApiKeyOutcome.AlreadyRevoked => TypedResults.NoContent(),
            RevokeApiKeyOutcome.InstitutionNotFound => Problems.NotFound($"No institution with id '{id}'."),
            _ => Problems.NotFound($"Institution '{id}' has no API key '{keyId}'."),
        };
    }
}
