using Orleans.Concurrency;

namespace Census.Contracts.Access;

/// <summary>
/// One access request (key: its id). The workflow's rules are <c>Census.Domain.Access.AccessRequestRules</c>; the grain
/// applies them, keeps the request durable, issues the grant on approval and appends each event to the dataset's ledger.
/// </summary>
[Alias("census.IAccessRequestGrain")]
public interface IAccessRequestGrain : IGrainWithStringKey
{
    /// <summary>Stores a request the gateway has checked against the release, the agreement and the requester.</summary>
    [Alias("Submit")]
    Task<AccessResult> Submit(AccessRequest request);

    [Alias("Get"), ReadOnly]
    Task<AccessRequest?> Get();

    [Alias("Decide")]
    Task<AccessResult> Decide(AccessDecisionKind decision, string reason, AccessActor by);

    [Alias("Resubmit")]
    Task<AccessResult> Resubmit(AccessRequestChanges changes, AccessActor by);

    [Alias("Withdraw")]
    Task<AccessResult> Withdraw(string? reason, AccessActor by);

    [Alias("Extend")]
    Task<AccessResult> Extend(int days, string reason, AccessActor by);
}
