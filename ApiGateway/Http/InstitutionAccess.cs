using Census.ApiGateway.Auth;

namespace Census.ApiGateway.Http;

/// <summary>
/// The check every route under <c>/rounds/{roundId}/institutions/{institutionId}</c> makes first: its ids well formed,
/// then the caller an admin or that institution itself.
/// </summary>
public static class InstitutionAccess
{
    /// <summary>The problem to answer with, or null when the call may go on. <paramref name="itemName"/> names the route's own
    /// id below the institution (<c>datasetId</c>, <c>importId</c>) when it has one.</summary>
    public static ProblemHttpResult? Check(HttpContext context, string roundId, string institutionId, string? itemName = null, string? itemId = null)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, "roundId", roundId);
        Rules.Id(errors, "institutionId", institutionId);
        if (itemName is not null && itemId is not null)
        {
            Rules.Id(errors, itemName, itemId);
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return context.User.CanActFor(institutionId)
            ? null
            : Problems.Forbidden("An agency key may act only for its own institution.");
    }
}
