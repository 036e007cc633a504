using System.Security.Claims;

namespace Census.ApiGateway.Auth;

/// <summary>What a route asks of its authenticated caller.</summary>
public static class CallerExtensions
{
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(CensusRoles.Admin);

    /// <summary>True for admins, and for an agency acting on its own institution.</summary>
    public static bool CanActFor(this ClaimsPrincipal user, string institutionId) =>
        user.IsAdmin() ||
        (user.IsInRole(CensusRoles.Agency) && user.FindFirstValue(CensusRoles.InstitutionClaim) == institutionId);

    /// <summary>The principal a principal key acts for (id and organisation); null for admin and agency keys.</summary>
    public static Census.Contracts.Principals.PrincipalRef? Principal(this ClaimsPrincipal user) =>
        user.FindFirstValue(CensusRoles.PrincipalClaim) is { } id && user.FindFirstValue(CensusRoles.OrganisationClaim) is { } organisation
            ? new Census.Contracts.Principals.PrincipalRef(id, organisation)
            : null;

    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue(CensusRoles.ActorClaim) ?? throw new InvalidOperationException("An authenticated caller has no actor claim.");
}
