using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Census.ApiGateway.Auth;
using Census.Domain.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Census.ApiGateway.Console.Auth;

/// <summary>
/// The console's sign-in: an API key (admin or institution) is checked once, exactly as the API checks it, and the
/// session that follows carries the same claims (role, actor, institution) as a Bearer request with that key, so the
/// console goes through the API's own authorization. The key's secret never leaves the server: the session ticket
/// lives in <see cref="ConsoleTicketStore"/>, and the browser holds only the session cookie naming it.
/// </summary>
public static class ConsoleAuth
{
    public const string Scheme = "Console";
    public const string CookieName = "census.session";

    /// <summary>Policy: a console session of an admin key.</summary>
    public const string AdminPolicy = "console-admin";

    /// <summary>Policy: a console session of an institution key.</summary>
    public const string AgencyPolicy = "console-agency";

    /// <summary>Policy: a console session of an admin or institution key.</summary>
    public const string MemberPolicy = "console-member";

    /// <summary>Policy: a console session of a reviewer's key.</summary>
    public const string ReviewerPolicy = "console-reviewer";

    /// <summary>Policy: a console session of an admin, institution or reviewer key (the processing cases' pages).</summary>
    public const string ProvisionPolicy = "console-provision";

    /// <summary>Policy: a console session of a requester's key (a verified organisation's person).</summary>
    public const string RequesterPolicy = "console-requester";

    /// <summary>Policy: a console session of an admin or a zone operator (safe-zone sites, a day's bookings, check-in and out).</summary>
    public const string ZoneStaffPolicy = "console-zone-staff";

    /// <summary>Policy: a console session of an output checker's key.</summary>
    public const string OutputCheckerPolicy = "console-output-checker";

    /// <summary>Policy: any console session, whatever its role (the landing page, which sends each role home).</summary>
    public const string SignedInPolicy = "console-signed-in";

    public const string SignInPath = "/console/sign-in";
    public const string SignOutPath = "/console/sign-out";

    /// <summary>How long a session lives without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    // Server-side only (the ticket never reaches the browser): what re-checks the key on every request.
    private const string KeyIdClaim = "census:console:key-id";
    private const string KeyHashClaim = "census:console:key-hash";
    private const string AdminDigestClaim = "census:console:admin-digest";

    public static IServiceCollection AddConsoleAuth(this IServiceCollection services, AuthenticationBuilder authentication)
    {
        services.AddSingleton<ConsoleTicketStore>();
        authentication.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure outside plain-HTTP localhost: a cookie set over HTTPS is always Secure.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.AccessDeniedPath = "/console/forbidden";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<ConsoleTicketStore>((o, store) => o.SessionStore = store);

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(CensusRoles.Admin))
            .AddPolicy(AgencyPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(CensusRoles.Agency))
            .AddPolicy(MemberPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(CensusRoles.Admin, CensusRoles.Agency))
            .AddPolicy(ReviewerPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(CensusRoles.Reviewer))
            .AddPolicy(ProvisionPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(CensusRoles.Admin, CensusRoles.Agency, CensusRoles.Reviewer))
            .AddPolicy(RequesterPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(CensusRoles.Requester))
            .AddPolicy(ZoneStaffPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(CensusRoles.Admin, CensusRoles.ZoneOperator))
            .AddPolicy(OutputCheckerPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(CensusRoles.OutputChecker))
            .AddPolicy(SignedInPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>
    /// The principal a key signs in as, or null when the key is not valid: checked by the admin key ring, or by the
    /// key's institution grain — the same two checks as <see cref="ApiKeyAuthenticationHandler"/>.
    /// </summary>
    public static async Task<ClaimsPrincipal?> CheckKeyAsync(string? presented, AdminKeyRing adminKeys, IGrainFactory grains)
    {
        var key = presented?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > 512)
        {
            return null;
        }

        if (adminKeys.Match(key) is not null)
        {
            return Principal(
                CensusCaller.Claims(CensusRoles.Admin, AdminKeyRing.Actor, institutionId: null),
                new Claim(AdminDigestClaim, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))));
        }

        if (ApiKeys.TryParse(key, out var parsed) && parsed.Holder == ApiKeys.Holder.Institution &&
            await grains.GetGrain<IInstitutionGrain>(parsed.OwnerId).VerifyApiKey(parsed.KeyId, parsed.SecretHash))
        {
            return Principal(
                CensusCaller.Claims(CensusRoles.Agency, CensusCaller.AgencyActor(parsed.OwnerId, parsed.KeyId), parsed.OwnerId),
                new Claim(KeyIdClaim, parsed.KeyId),
                new Claim(KeyHashClaim, parsed.SecretHash));
        }

        if (parsed.Holder == ApiKeys.Holder.Principal && parsed.OwnerId is not null &&
            await grains.GetGrain<IPrincipalGrain>(parsed.OwnerId).VerifyApiKey(parsed.KeyId, parsed.SecretHash) is { } principal)
        {
            return Principal(
                CensusCaller.PrincipalClaims(principal, parsed.KeyId),
                new Claim(KeyIdClaim, parsed.KeyId),
                new Claim(KeyHashClaim, parsed.SecretHash));
        }

        return null;
    }

    /// <summary>On every request: the session's key must still be valid, or the session ends there (a revoked key at once).</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        var services = context.HttpContext.RequestServices;
        var valid = user is not null && await StillValidAsync(
            user, services.GetRequiredService<AdminKeyRing>(), services.GetRequiredService<IGrainFactory>());
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    private static async Task<bool> StillValidAsync(ClaimsPrincipal user, AdminKeyRing adminKeys, IGrainFactory grains)
    {
        if (user.IsInRole(CensusRoles.Admin))
        {
            return user.FindFirstValue(AdminDigestClaim) is { } digest && adminKeys.HasDigest(Convert.FromHexString(digest));
        }

        if (user.FindFirstValue(KeyIdClaim) is not { } keyId || user.FindFirstValue(KeyHashClaim) is not { } hash)
        {
            return false;
        }

        if (user.FindFirstValue(CensusRoles.PrincipalClaim) is { } principalId)
        {
            return await grains.GetGrain<IPrincipalGrain>(principalId).VerifyApiKey(keyId, hash) is not null;
        }

        return user.FindFirstValue(CensusRoles.InstitutionClaim) is { } institutionId
            && await grains.GetGrain<IInstitutionGrain>(institutionId).VerifyApiKey(keyId, hash);
    }

    private static ClaimsPrincipal Principal(List<Claim> claims, params Claim[] extra)
    {
        claims.AddRange(extra);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
