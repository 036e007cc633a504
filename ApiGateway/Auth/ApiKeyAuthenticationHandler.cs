using System.Security.Claims;
using System.Text.Encodings.Web;
using Census.Domain.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Census.ApiGateway.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>. Admin keys come from configuration; institution keys are
/// verified by their institution grain on every request, so a revocation holds at once on every gateway.
/// Challenges and refusals are answered as problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AdminKeyRing adminKeys,
    IGrainFactory grains,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (BearerToken(Request) is not { } token)
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        if (adminKeys.Match(token) is not null)
        {
            return Success(CensusCaller.Claims(CensusRoles.Admin, AdminKeyRing.Actor, institutionId: null));
        }

        if (ApiKeys.TryParse(token, out var key) && key.Holder == ApiKeys.Holder.Institution &&
            await grains.GetGrain<IInstitutionGrain>(key.OwnerId).VerifyApiKey(key.KeyId, key.SecretHash))
        {
            return Success(CensusCaller.Claims(CensusRoles.Agency, CensusCaller.AgencyActor(key.OwnerId, key.KeyId), key.OwnerId));
        }

        if (key.Holder == ApiKeys.Holder.Principal && key.OwnerId is not null &&
            await grains.GetGrain<IPrincipalGrain>(key.OwnerId).VerifyApiKey(key.KeyId, key.SecretHash) is { } principal)
        {
            return Success(CensusCaller.PrincipalClaims(principal, key.KeyId));
        }

        return AuthenticateResult.Fail("The API key is not valid.");
    }

    /// <summary>The key of a <c>Bearer</c> Authorization header, or null when there is none.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        return header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? header[BearerPrefix.Length..].Trim()
            : null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            "Unauthorized",
            result.Failure?.Message ?? "An API key is required: send 'Authorization: Bearer <api key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This API key may not use this route.");
    }

    private static AuthenticateResult Success(List<Claim> claims)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
