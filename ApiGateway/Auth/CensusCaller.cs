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
