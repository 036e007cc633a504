using Census.Contracts.Access;

namespace Census.Domain.Access;

/// <summary>When a grant may be used (provision.md §2 "Grants").</summary>
public static class GrantRules
{
    /// <summary>
    /// True when the grant was not revoked or recorded as expired and <paramref name="now"/> is inside its period. A
    /// period that has ended counts as ended even before the expiry reminder has recorded it.
    /// </summary>
    public static bool IsLive(Grant grant, DateTimeOffset now) =>
        grant.Status == GrantStatus.Live && now >= grant.From && now < grant.Until;

    /// <summary>True when the grant is live and was given to <paramref name="requesterId"/> for a use of <paramref name="kind"/>.</summary>
    public static bool Allows(Grant grant, string requesterId, GrantKind kind, DateTimeOffset now) =>
        IsLive(grant, now) && grant.RequesterId == requesterId && grant.Kind == kind;
}
