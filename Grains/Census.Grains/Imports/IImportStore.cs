using Census.Contracts.Imports;

namespace Census.Grains.Imports;

/// <summary>
/// Where imports keep their rows, errors and listing (PostgreSQL in cluster mode, SQLite in local mode): an import
/// grain's state stays small (counters and a cursor) however large its file. Every batch is one round trip.
/// </summary>
public interface IImportStore
{
    /// <summary>Stores a batch of staged rows and the errors they carry. A row already stored is left as it is.</summary>
    Task AddRowsAsync(string importId, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken = default);

    /// <summary>
    /// The rule across rows: every row whose <c>datasetId</c> another row has too becomes invalid, with an error
    /// naming the first row and how many share it. Run once, after the last batch.
    /// </summary>
    Task MarkDuplicatesAsync(string importId, CancellationToken cancellationToken = default);

    /// <summary>How many rows are stored, and how many of them are invalid.</summary>
    Task<(int Rows, int Invalid)> CountRowsAsync(string importId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> rows after row <paramref name="afterRow"/>, in row order.</summary>
    Task<IReadOnlyList<StoredImportRow>> ReadRowsAsync(string importId, int afterRow, int limit, CancellationToken cancellationToken = default);

    /// <summary>A page's outcomes, the errors it found, and the import as it stands now: one transaction.</summary>
    Task RecordPageAsync(ImportPageRecord page, CancellationToken cancellationToken = default);

    /// <summary>A page of the import's errors by row (1-based <paramref name="page"/>), and how many there are.</summary>
    Task<(IReadOnlyList<ImportError> Items, int Total)> ReadErrorsAsync(string importId, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Stores the import as it stands (what lists show).</summary>
    Task SaveImportAsync(string roundId, string institutionId, Import import, CancellationToken cancellationToken = default);

    /// <summary>A page of an institution's imports in a round, newest first, and how many there are.</summary>
    Task<(IReadOnlyList<Import> Items, int Total)> ListImportsAsync(string roundId, string institutionId, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Forgets an import: its listing, rows and errors.</summary>
    Task DeleteAsync(string importId, CancellationToken cancellationToken = default);
}
