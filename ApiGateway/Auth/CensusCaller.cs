using System.Security.Claims;

namespace Census.ApiGateway.Auth;

/// <summary>
/// Who a verified key makes the caller: its role, the actor written in audit fields, and its institution. One shape
/// for a Bearer request and a console session, so every route's checks read the same claims from either.
/// </summary>
public static class CensusCaller
{
    /// <summary>The actor of an institution key: <c>agency:&lt;institution&gt;/&lt;keyId&gt;</c>.</summary>
    public static string AgencyActor(string institutionId, string keyId) => $"agency:{institutionId}/{keyId}";

    /// <summary>The actor of a principal key: <c>&lt;role&gt;:&lt;principal&gt;/&lt;keyId&gt;</c>, e.g. <c>reviewer:kim/0a1b2c3d4e5f</c>.</summary>
    public static string PrincipalActor(Census.Contracts.Principals.Principal principal, string keyId) =>
        $"{Census.Domain.Validation.Names.Of(principal.Role)}:{principal.Id}/{keyId}";

    /// <summary>The claims of a principal key: its role, actor, principal id and organisation.</summary>
    public static List<Claim> PrincipalClaims(Census.Contracts.Principals.Principal principal, string keyId)
    {
        var claims = Claims(Census.Domain.Validation.Names.Of(principal.Role), PrincipalActor(principal, keyId), institutionId: null);
        claims.Add(new Claim(CensusRoles.PrincipalClaim, principal.Id));
        claims.Add(new Claim(CensusRoles.OrganisationClaim, principal.Organisation));
        return claims;
    }

    public static List<Claim> Claims(string role, string actor, string? institutionId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Role, role),
            new(CensusRoles.ActorClaim, actor),
            new(ClaimTypes.Name, actor),
        };
        if (institutionId is not null)
        {
            claims.Add(new Claim(CensusRoles.InstitutionClaim, institutionId));
        }

        return claims;
    }
}
