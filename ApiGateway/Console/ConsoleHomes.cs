using System.Security.Claims;
using Census.ApiGateway.Auth;

namespace Census.ApiGateway.Console;

/// <summary>Where each role's console starts: the landing page sends a session there, and the layout's brand links there.</summary>
public static class ConsoleHomes
{
    public const string Admin = "/console/admin";
    public const string Agency = "/console/agency";
    public const string Reviewer = "/console/reviews";
    public const string Requester = "/console/my";
    public const string ZoneOperator = "/console/zones";
    public const string OutputChecker = "/console/output-checks";

    public static string Of(ClaimsPrincipal user) =>
        user.IsAdmin() ? Admin
        : user.IsInRole(CensusRoles.Agency) ? Agency
        : user.IsInRole(CensusRoles.Requester) ? Requester
        : user.IsInRole(CensusRoles.ZoneOperator) ? ZoneOperator
        : user.IsInRole(CensusRoles.OutputChecker) ? OutputChecker
        : Reviewer;
}
