using Orleans.Concurrency;

namespace Census.Contracts.Access;

/// <summary>
/// One grant (key: the grant id). It expires by a durable reminder at <see cref="Grant.Until"/>, also when every
/// silo restarted meanwhile, and records the expiry on the dataset's ledger once.
/// </summary>
[Alias("census.IGrantGrain")]
public interface IGrantGrain : IGrainWithStringKey
{
    /// <summary>Issues the grant (its id must be this grain's key); issuing the same grant again answers the stored one.</summary>
    [Alias("Issue")]
    Task<Grant> Issue(Grant grant);

    [Alias("Get"), ReadOnly]
    Task<Grant?> Get();

    /// <summary>Revokes a live grant with a reason; null when there is no such grant. A grant that has ended stays as it is.</summary>
    [Alias("Revoke")]
    Task<Grant?> Revoke(string reason, string actor);
}
