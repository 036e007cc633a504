using Orleans.Concurrency;
using Census.Contracts.Common;

namespace Census.Contracts.Ledger;

/// <summary>
/// The append-only ledger of one dataset (key <c>{institutionId}/{datasetId}</c>). Appends are serialized here, so
/// the chain never forks; entries are never updated or deleted.
/// </summary>
[Alias("census.ILedgerGrain")]
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends the event and answers its entry once it is durable. An event whose <see cref="LedgerEvent.Id"/> is
    /// already in the ledger is not appended again: the existing entry is answered.
    /// </summary>
    [Alias("Append")]
    Task<LedgerEntry> Append(LedgerEvent ledgerEvent);

    /// <summary>Entries in index order, a page at a time.</summary>
    [Alias("Read"), ReadOnly]
    Task<Page<LedgerEntry>> Read(int page, int pageSize);

    /// <summary>Recomputes the whole chain from the stored entries.</summary>
    [Alias("Verify"), ReadOnly]
    Task<LedgerVerification> Verify();
}
