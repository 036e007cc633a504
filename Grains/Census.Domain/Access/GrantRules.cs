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

    /// <summary>The status a grant has at <paramref name="now"/>: a live grant whose period has ended reads as expired.</summary>
    public static GrantStatus StatusAt(Grant grant, DateTimeOffset now) =>
        grant.Status == GrantStatus.Live && now >= grant.Until ? GrantStatus.Expired : grant.Status;

    /// <summary>Why a live grant cannot be used now, or null: not yet begun, ended, revoked.</summary>
    public static string? Unusable(Grant grant, DateTimeOffset now) => StatusAt(grant, now) switch
    {
        GrantStatus.Revoked => $"Grant {grant.Id} was revoked: {grant.EndReason}",
        GrantStatus.Expired => $"Grant {grant.Id} expired at {grant.Until:O}.",
        _ when now < grant.From => $"Grant {grant.Id} begins at {grant.From:O}.",
        _ => null,
    };
}
