using System.Security.Claims;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;

namespace Census.ApiGateway.Apis;

/// <summary>Who a requester key acts for: the principal and its organisation, which must be registered and verified.</summary>
public static class Requesters
{
    public static async Task<(Principal? Requester, Organisation? Organisation, ProblemHttpResult? Refusal)> VerifiedAsync(
        ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.Principal() is not { } caller || await grains.GetGrain<IPrincipalGrain>(caller.Id).Get() is not { Role: PrincipalRole.Requester } requester)
        {
            return (null, null, Problems.Forbidden("Only a requester's own key acts here."));
        }

        if (await grains.GetGrain<IOrganisationGrain>(requester.Organisation).Get() is not { } organisation)
        {
            return (requester, null, Problems.Forbidden($"The requester's organisation '{requester.Organisation}' is not registered."));
        }

        return organisation.VerifiedAt is null
            ? (requester, organisation, Problems.Forbidden($"The organisation '{organisation.Id}' is not yet verified by an admin; its requests are not taken."))
            : (requester, organisation, null);
    }
}
