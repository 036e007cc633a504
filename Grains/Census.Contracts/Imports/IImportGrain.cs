using Census.Contracts.Common;

namespace Census.Contracts.Imports;

/// <summary>
/// One import: a durable job of one institution in one round. Key: <c>{roundId}/{institutionId}/{importId}</c>.
/// The gateway begins it, stages the file's rows in batches, then starts it (or discards it when the file has a
/// problem of its own). Its rows and errors live in the import store, not in its state; its state holds the
/// definition, counters and the cursor, so an import whose silo died resumes where it stood. The calls that carry or
/// settle a file (a staged batch is 500 rows) may wait 30 s instead of the gateway's 5 s: under many imports at once
/// they queue behind row writes, and a 503 there would make the agency send the whole file again.
/// </summary>
[Alias("census.IImportGrain")]
public interface IImportGrain : IGrainWithStringKey
{
    /// <summary>Defines the import; if it exists already (same id), changes nothing and answers it as it is.</summary>
    [Alias("Begin"), ResponseTimeout("00:00:30")]
    Task<ImportBeginResult> Begin(ImportDefinition definition);

    /// <summary>
    /// Stores a batch of rows (in file order) of an import that is still validating; false, storing nothing, when it
    /// no longer is (canceled while its file was read).
    /// </summary>
    [Alias("Stage"), ResponseTimeout("00:00:30")]
    Task<bool> Stage(IReadOnlyList<ImportRow> rows);

    /// <summary>The file is read: applies the rules across rows and starts the run. Answers the import.</summary>
    [Alias("Start"), ResponseTimeout("00:00:30")]
    Task<Import> Start();

    /// <summary>The file turned out bad: forgets the import and its staged rows, as if it never began.</summary>
    [Alias("Discard"), ResponseTimeout("00:00:30")]
    Task Discard();

    [Alias("Get")]
    Task<Import?> Get();

    /// <summary>A page of every error, by row; null when there is no such import.</summary>
    [Alias("Errors")]
    Task<Page<ImportError>?> Errors(int page, int pageSize);

    /// <summary>
    /// Staged rows after <paramref name="afterRow"/> in file order, at most <paramref name="limit"/>, with the records
    /// they carry (a harvest keeps its pre-filled records on invalid rows too); null when there is no such import.
    /// </summary>
    [Alias("StagedRows")]
    Task<IReadOnlyList<ImportRow>?> StagedRows(int afterRow, int limit);

    /// <summary>Stops the run between rows; rows already written stay.</summary>
    [Alias("Cancel")]
    Task<ImportCancelResult> Cancel(string actor);
}
