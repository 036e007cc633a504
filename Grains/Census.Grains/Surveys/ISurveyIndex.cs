namespace Census.Grains.Surveys;

/// <summary>The survey index: PostgreSQL in cluster mode, SQLite in local mode.</summary>
public interface ISurveyIndex
{
    /// <summary>
    /// Inserts the row (and its document, counters and the clearing of its intent, in one transaction),
    /// or replaces the stored one if it has a lower revision. Replaying an older or equal revision
    /// changes nothing, so a retry or a repair after a crash is always safe. Returns false, storing
    /// nothing, when the round was closed by <see cref="CloseRoundAsync"/>.
    /// </summary>
    Task<bool> UpsertAsync(SurveyIndexRow row, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a dataset grain's next state and its index row (with document and counter) in one transaction:
    /// both or neither. The state is stored only over the version the grain read; the row follows the rules of
    /// <see cref="UpsertAsync"/>. A closed round stores nothing.
    /// </summary>
    Task<DatasetCommitResult> CommitDatasetAsync(DatasetCommit commit, CancellationToken cancellationToken = default);

    /// <summary>A dataset grain's stored state (key "institution/dataset"), or null if it has none.</summary>
    Task<StoredDatasetState?> ReadDatasetStateAsync(string grainKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether any dataset state is still kept where builds before V005 kept it (the grain storage); while
    /// there is, a dataset with no state here must look there before it can say it has none.
    /// </summary>
    Task<bool> HasLegacyDatasetStatesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// After this returns, every later upsert of the round is refused. It waits for upserts in flight
    /// (they hold the round's gate shared), and is idempotent.
    /// </summary>
    Task CloseRoundAsync(string roundId, CancellationToken cancellationToken = default);

    /// <summary>Rows of a round that are not withdrawn: a read of counters the upserts keep, not a scan.</summary>
    Task<long> CountAsync(string roundId, CancellationToken cancellationToken = default);

    /// <summary>Rows of one institution in a round that are not withdrawn: a read of the upserts' counter.</summary>
    Task<long> CountAsync(string roundId, string institutionId, CancellationToken cancellationToken = default);

    /// <summary>A page of one institution's records in a round (not withdrawn), ordered by dataset id.</summary>
    Task<IReadOnlyList<SurveyDocument>> ListDocumentsAsync(string roundId, string institutionId, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notes, before a dataset grain writes its state, that its index row may fall behind until the
    /// upsert of <paramref name="revision"/> (which clears it). Recording a lower revision than the
    /// noted one changes nothing.
    /// </summary>
    Task RecordIntentAsync(string roundId, string institutionId, string datasetId, int revision, DateTimeOffset recordedAt, CancellationToken cancellationToken = default);

    /// <summary>Forgets a dataset's intent up to <paramref name="revision"/> (a repair that knows its state is indexed).</summary>
    Task ClearIntentAsync(string roundId, string institutionId, string datasetId, int revision, CancellationToken cancellationToken = default);

    /// <summary>Intents recorded before <paramref name="recordedBefore"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SurveyIntent>> PendingIntentsAsync(DateTimeOffset recordedBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams one shard of a round (rows not withdrawn), in no particular order. <see cref="ShardRow.Levels"/>
    /// holds the ten levels now followed by the ten levels post.
    /// </summary>
    IAsyncEnumerable<ShardRow> ReadShardAsync(string roundId, int shard, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one shard of a round (rows not withdrawn), in no particular order, into <paramref name="sink"/>: what a
    /// ranking loads, with no object per row (the twenty levels travel packed in one column).
    /// </summary>
    Task LoadShardAsync(string roundId, int shard, IShardRowSink sink, CancellationToken cancellationToken = default);

    /// <summary>One record's row as a ranking reads it, or null (explanations).</summary>
    Task<ShardRow?> ReadRowAsync(string roundId, string institutionId, string datasetId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every row of one (institution, sector) group of a round, withdrawn ones too, with gates and write times
    /// (explanations: a record's rank within its group).
    /// </summary>
    Task<IReadOnlyList<ShardRow>> ReadGroupAsync(string roundId, string institutionId, string sector, CancellationToken cancellationToken = default);

    /// <summary>
    /// The round's rows (not withdrawn) grouped by institution, sector, modality, availability now and
    /// eligibility, with counts and score sums under <paramref name="weights"/> (C1..C10).
    /// </summary>
    Task<IReadOnlyList<Census.Domain.Reports.ReportCell>> ReportCellsAsync(string roundId, IReadOnlyList<int> weights, CancellationToken cancellationToken = default);

    /// <summary>The stored revision of a row, or null (diagnostics and tests).</summary>
    Task<int?> RevisionAsync(string roundId, string institutionId, string datasetId, CancellationToken cancellationToken = default);
}
