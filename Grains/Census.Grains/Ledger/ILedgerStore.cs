using Census.Contracts.Ledger;

namespace Census.Grains.Ledger;

/// <summary>
/// The table every dataset's ledger lives in (<c>provision_ledger</c>: SQLite in local mode, PostgreSQL in a cluster).
/// Rows are only ever inserted: nothing here updates or deletes one, so an edit made behind the product's back is found
/// by verification, never hidden by it.
/// </summary>
public interface ILedgerStore
{
    /// <summary>The entry with the highest index (null: the ledger is empty).</summary>
    Task<LedgerEntry?> HeadAsync(string datasetKey, CancellationToken cancellationToken = default);

    /// <summary>The entry of an event id, if the ledger has it.</summary>
    Task<LedgerEntry?> FindAsync(string datasetKey, string eventId, CancellationToken cancellationToken = default);

    /// <summary>Inserts an entry; false when its index or event id is already taken (another writer was first).</summary>
    Task<bool> InsertAsync(string datasetKey, string institutionId, LedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>How many entries the ledger holds.</summary>
    Task<long> CountAsync(string datasetKey, CancellationToken cancellationToken = default);

    /// <summary>Entries in index order, skipping <paramref name="skip"/>.</summary>
    Task<IReadOnlyList<LedgerEntry>> PageAsync(string datasetKey, long skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Entries with an index above <paramref name="afterIndex"/>, in index order: a whole ledger streams in such pages.</summary>
    Task<IReadOnlyList<LedgerEntry>> AfterAsync(string datasetKey, long afterIndex, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completed downloads of a dataset from <paramref name="from"/> (included) to <paramref name="to"/> (excluded), per
    /// month, and per month and requester kind (<see cref="UsageRow.OrganisationKind"/> null: the month's total).
    /// </summary>
    Task<IReadOnlyList<UsageRow>> UsageAsync(string datasetKey, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>The <c>transaction</c> entries of an institution's datasets in a period, by dataset key and index.</summary>
    Task<IReadOnlyList<(string DatasetKey, LedgerEntry Entry)>> TransactionsAsync(
        string institutionId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Requests submitted, grants issued and downloads completed per dataset in a period.</summary>
    Task<IReadOnlyList<DatasetDemand>> DemandAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
