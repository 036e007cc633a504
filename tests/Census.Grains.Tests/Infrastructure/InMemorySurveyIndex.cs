using System.Collections.Concurrent;
using System.Text;
using Census.Grains.Surveys;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>
/// The survey index as a thread-safe dictionary keyed by (round, institution, dataset). It keeps the SQL
/// upsert's revision guard exactly — a stored row is replaced only by a higher revision — and can be told
/// to throw on the next upserts, to stand in for a database that fails between the state write and the ack.
/// </summary>
public sealed class InMemorySurveyIndex : ISurveyIndex
{
    private readonly ConcurrentDictionary<(string Round, string Institution, string Dataset), SurveyIndexRow> _rows = new();
    private readonly Lock _failuresLock = new();
    private readonly List<FailureRule> _failures = [];
    private readonly List<UpsertHold> _holds = [];
    private readonly Lock _gate = new();
    private readonly HashSet<string> _closedRounds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UpsertHold> _countHolds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Round, string Institution, string Dataset), (int Revision, DateTimeOffset At)> _intents = new();
    private readonly ConcurrentDictionary<(string Round, string Institution, string Dataset), int> _upsertsOf = new();
    private readonly ConcurrentDictionary<string, StoredDatasetState> _states = new(StringComparer.Ordinal);
    private int _upserts;
    private int _stateReads;
    private readonly List<FailureRule> _lostReplies = [];
    private int _closeFailures;

    /// <summary>Reads of dataset states so far (<see cref="ReadDatasetStateAsync"/>).</summary>
    public int StateReads => Volatile.Read(ref _stateReads);

    /// <summary>
    /// The next <paramref name="count"/> commits of the record's row are stored and then throw, as when the
    /// database committed but its reply never reached the silo.
    /// </summary>
    public void LoseNextCommitReplies(int count, string roundId, string institutionId, string datasetId)
    {
        lock (_failuresLock)
        {
            _lostReplies.Add(new FailureRule(row => row.RoundId == roundId && row.InstitutionId == institutionId && row.DatasetId == datasetId) { Remaining = count });
        }
    }

    /// <summary>Stores the dataset's state again under the next version, as a second activation writing the same state would.</summary>
    public void BumpStateVersion(string grainKey) =>
        _states.AddOrUpdate(grainKey, _ => throw new InvalidOperationException("no state"), (_, s) => s with { Version = s.Version + 1 });

    /// <summary>Drops the document of a row, as rows indexed before documents existed (V004) had none.</summary>
    public void StripDocument(string roundId, string institutionId, string datasetId) =>
        _rows.AddOrUpdate((roundId, institutionId, datasetId), _ => throw new InvalidOperationException("no row"), (_, r) => r with { Record = null, Levels = null });

    /// <summary>Upserts attempted so far, failed ones included.</summary>
    public int Upserts => Volatile.Read(ref _upserts);

    /// <summary>Upserts of one record's row attempted so far, failed ones included.</summary>
    public int UpsertsOf(string roundId, string institutionId, string datasetId) =>
        _upsertsOf.TryGetValue((roundId, institutionId, datasetId), out var count) ? count : 0;

    /// <summary>The next <paramref name="count"/> upserts throw (of rows matching <paramref name="matching"/>, if given).</summary>
    public void FailNextUpserts(int count, Func<SurveyIndexRow, bool>? matching = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_failuresLock)
        {
            _failures.Add(new FailureRule(matching ?? (_ => true)) { Remaining = count });
        }
    }

    /// <summary>The next <paramref name="count"/> upserts of one record's row throw.</summary>
    public void FailNextUpserts(int count, string roundId, string institutionId, string datasetId) =>
        FailNextUpserts(count, row => row.RoundId == roundId && row.InstitutionId == institutionId && row.DatasetId == datasetId);

    /// <summary>
    /// The next upsert of a row matching <paramref name="matching"/> waits, before storing anything, until
    /// the hold is released: a grain caught between its state write and its index write, on demand.
    /// </summary>
    public UpsertHold HoldNextUpsert(Func<SurveyIndexRow, bool> matching)
    {
        var hold = new UpsertHold(matching);
        lock (_failuresLock)
        {
            _holds.Add(hold);
        }

        return hold;
    }

    /// <summary>Whether the round's gate was closed (<see cref="CloseRoundAsync"/>).</summary>
    public bool IsClosed(string roundId)
    {
        lock (_gate)
        {
            return _closedRounds.Contains(roundId);
        }
    }

    /// <summary>Forgets a closed gate: an index restored from before the round closed.</summary>
    public void Reopen(string roundId)
    {
        lock (_gate)
        {
            _closedRounds.Remove(roundId);
        }
    }

    /// <summary>The next <paramref name="count"/> calls of <see cref="CloseRoundAsync"/> throw, closing nothing.</summary>
    public void FailNextCloses(int count) => Interlocked.Exchange(ref _closeFailures, count);

    /// <summary>The next count of the round's rows waits until the hold is released (a slow read).</summary>
    public UpsertHold HoldNextCount(string roundId)
    {
        var hold = new UpsertHold(_ => true);
        _countHolds[roundId] = hold;
        return hold;
    }

    /// <summary>The stored row, or null.</summary>
    public SurveyIndexRow? Find(string roundId, string institutionId, string datasetId) =>
        _rows.TryGetValue((roundId, institutionId, datasetId), out var row) ? row : null;

    /// <summary>The pending intent of a record, or null.</summary>
    public int? IntentRevision(string roundId, string institutionId, string datasetId) =>
        _intents.TryGetValue((roundId, institutionId, datasetId), out var intent) ? intent.Revision : null;

    public async Task<bool> UpsertAsync(SurveyIndexRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        await BeforeWriteAsync(row, "upserting", cancellationToken);

        // The gate, the row and the intent under one lock, as the SQL holds them in one transaction:
        // a close either comes before this upsert (refused) or waits for it.
        lock (_gate)
        {
            if (_closedRounds.Contains(row.RoundId))
            {
                // As the SQL: a refused repair of the row's own revision still fills in a missing document.
                var closedKey = (row.RoundId, row.InstitutionId, row.DatasetId);
                if (row.Record is not null && _rows.TryGetValue(closedKey, out var indexed) && indexed.Revision == row.Revision && indexed.Record is null)
                {
                    _rows[closedKey] = indexed with { Record = row.Record, Levels = row.Levels, UpdatedBy = row.UpdatedBy };
                }

                return false;
            }

            // ON CONFLICT … DO UPDATE … WHERE census_survey_index.revision < excluded.revision (the
            // document of an equal revision is filled in when missing, as the document upsert does).
            var key = (row.RoundId, row.InstitutionId, row.DatasetId);
            _rows.AddOrUpdate(
                key,
                row,
                (_, stored) => stored.Revision < row.Revision || (stored.Revision == row.Revision && stored.Record is null && row.Record is not null) ? row : stored);
            if (_intents.TryGetValue(key, out var intent) && intent.Revision <= row.Revision)
            {
                _intents.TryRemove(KeyValuePair.Create(key, intent));
            }

            return true;
        }
    }

    /// <summary>
    /// Like census_commit_datasets for one write: under the lock a close takes, the gate, then the state under its expected
    /// version, then the row by <see cref="UpsertAsync"/>'s rules; both or neither. Holds and injected failures
    /// apply as to an upsert of the row, before anything is stored.
    /// </summary>
    public async Task<DatasetCommitResult> CommitDatasetAsync(DatasetCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var row = commit.Row;
        await BeforeWriteAsync(row, "committing", cancellationToken);

        lock (_gate)
        {
            if (_closedRounds.Contains(row.RoundId))
            {
                return DatasetCommitResult.Closed;
            }

            _states.TryGetValue(commit.GrainKey, out var stored);
            if ((stored?.Version ?? 0) != commit.ExpectedVersion)
            {
                return DatasetCommitResult.Conflict(stored);
            }

            var version = commit.ExpectedVersion + 1;
            _states[commit.GrainKey] = new StoredDatasetState(version, commit.Payload);
            var key = (row.RoundId, row.InstitutionId, row.DatasetId);
            _rows.AddOrUpdate(key, row, (_, current) => current.Revision < row.Revision ? row : current);
            if (TakeRule(_lostReplies, row))
            {
                throw new IOException($"Injected lost reply after committing {row.RoundId}/{row.InstitutionId}/{row.DatasetId} r{row.Revision}.");
            }

            return DatasetCommitResult.Committed(version);
        }
    }

    public Task<StoredDatasetState?> ReadDatasetStateAsync(string grainKey, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _stateReads);
        return Task.FromResult(_states.TryGetValue(grainKey, out var stored) ? stored : null);
    }

    /// <summary>Whether dataset states may be in the grain storage (a store upgraded from before V005); false unless a test says so.</summary>
    public bool LegacyDatasetStates { get; set; }

    public Task<bool> HasLegacyDatasetStatesAsync(CancellationToken cancellationToken = default) => Task.FromResult(LegacyDatasetStates);

    /// <summary>Like the SQL: rows not withdrawn that have a document, ordered by dataset id, one page.</summary>
    public Task<IReadOnlyList<SurveyDocument>> ListDocumentsAsync(string roundId, string institutionId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(pageSize);
        IReadOnlyList<SurveyDocument> documents = _rows.Values
            .Where(r => r.RoundId == roundId && r.InstitutionId == institutionId && !r.Withdrawn && r.Record is not null && r.Levels is not null)
            .OrderBy(r => r.DatasetId, StringComparer.Ordinal)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(r => new SurveyDocument(r.DatasetId, r.Revision, r.UpdatedAt, r.UpdatedBy, r.Record!, r.Levels!))
            .ToList();
        return Task.FromResult(documents);
    }

    public Task RecordIntentAsync(string roundId, string institutionId, string datasetId, int revision, DateTimeOffset recordedAt, CancellationToken cancellationToken = default)
    {
        _intents.AddOrUpdate((roundId, institutionId, datasetId), (revision, recordedAt), (_, stored) => stored.Revision < revision ? (revision, recordedAt) : stored);
        return Task.CompletedTask;
    }

    public Task ClearIntentAsync(string roundId, string institutionId, string datasetId, int revision, CancellationToken cancellationToken = default)
    {
        var key = (roundId, institutionId, datasetId);
        if (_intents.TryGetValue(key, out var intent) && intent.Revision <= revision)
        {
            _intents.TryRemove(KeyValuePair.Create(key, intent));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SurveyIntent>> PendingIntentsAsync(DateTimeOffset recordedBefore, int limit, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SurveyIntent> intents = _intents
            .Where(p => p.Value.At < recordedBefore)
            .OrderBy(p => p.Value.At)
            .Take(limit)
            .Select(p => new SurveyIntent(p.Key.Round, p.Key.Institution, p.Key.Dataset))
            .ToList();
        return Task.FromResult(intents);
    }

    public async Task<long> CountAsync(string roundId, CancellationToken cancellationToken = default)
    {
        if (_countHolds.TryRemove(roundId, out var hold))
        {
            await hold.WaitAsync();
        }

        return _rows.Count(p => p.Key.Round == roundId && !p.Value.Withdrawn);
    }

    /// <summary>
    /// Closes the round's gate: later upserts of the round are refused. The lock is the one upserts take,
    /// so a close waits for an upsert in flight, as the SQL's row lock makes it.
    /// </summary>
    public Task CloseRoundAsync(string roundId, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _closeFailures) >= 0)
        {
            throw new IOException($"Injected index failure closing round {roundId}.");
        }

        Interlocked.Exchange(ref _closeFailures, 0);
        lock (_gate)
        {
            _closedRounds.Add(roundId);
        }

        return Task.CompletedTask;
    }

    public Task<long> CountAsync(string roundId, string institutionId, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)_rows.Count(p => p.Key.Round == roundId && p.Key.Institution == institutionId && !p.Value.Withdrawn));

    /// <summary>Like the SQL: the round's rows of one shard that are not withdrawn.</summary>
    public async IAsyncEnumerable<ShardRow> ReadShardAsync(string roundId, int shard, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in _rows.Values.Where(r => r.RoundId == roundId && r.Shard == shard && !r.Withdrawn).ToList())
        {
            await Task.Yield();
            yield return new ShardRow(row.InstitutionId, row.DatasetId, row.Sector, row.Modality, row.Eligible,
                [.. row.LevelsNow.Concat(row.LevelsPost).Select(l => (byte)l)]) { Revision = row.Revision };
        }
    }

    /// <summary>Like the SQL: the same rows as <see cref="ReadShardAsync"/>, handed to the sink as UTF-8.</summary>
    public async Task LoadShardAsync(string roundId, int shard, IShardRowSink sink, CancellationToken cancellationToken = default)
    {
        await foreach (var row in ReadShardAsync(roundId, shard, cancellationToken))
        {
            sink.Add(Encoding.UTF8.GetBytes(row.InstitutionId), Encoding.UTF8.GetBytes(row.DatasetId), Encoding.UTF8.GetBytes(row.Sector),
                Encoding.UTF8.GetBytes(row.Modality), row.Eligible, row.Revision, row.Levels);
        }
    }

    public Task<ShardRow?> ReadRowAsync(string roundId, string institutionId, string datasetId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(roundId, institutionId, datasetId) is { Withdrawn: false } row
            ? new ShardRow(row.InstitutionId, row.DatasetId, row.Sector, row.Modality, row.Eligible,
                [.. row.LevelsNow.Concat(row.LevelsPost).Select(l => (byte)l)]) { FailedGates = row.FailedGates, UpdatedAt = row.UpdatedAt }
            : (ShardRow?)null);

    public Task<IReadOnlyList<ShardRow>> ReadGroupAsync(string roundId, string institutionId, string sector, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ShardRow> rows = _rows.Values
            .Where(r => r.RoundId == roundId && r.InstitutionId == institutionId && r.Sector == sector)
            .Select(r => new ShardRow(r.InstitutionId, r.DatasetId, r.Sector, r.Modality, r.Eligible,
                [.. r.LevelsNow.Concat(r.LevelsPost).Select(l => (byte)l)]) { FailedGates = r.FailedGates, UpdatedAt = r.UpdatedAt, Withdrawn = r.Withdrawn, Revision = r.Revision })
            .ToList();
        return Task.FromResult(rows);
    }

    /// <summary>Like the SQL: grouped by institution, sector, modality, availability and eligibility.</summary>
    public Task<IReadOnlyList<Census.Domain.Reports.ReportCell>> ReportCellsAsync(string roundId, IReadOnlyList<int> weights, CancellationToken cancellationToken = default)
    {
        static long Weighted(IReadOnlyList<int> levels, IReadOnlyList<int> weights) => levels.Select((l, i) => (long)l * weights[i]).Sum();
        IReadOnlyList<Census.Domain.Reports.ReportCell> cells = _rows.Values
            .Where(r => r.RoundId == roundId && !r.Withdrawn)
            .GroupBy(r => (r.InstitutionId, r.Sector, r.Modality, r.AvailabilityNow, r.Eligible))
            .Select(g => new Census.Domain.Reports.ReportCell(
                g.Key.InstitutionId,
                Census.Domain.Validation.Names.Parse<Sector>(g.Key.Sector),
                Census.Domain.Validation.Names.Parse<Modality>(g.Key.Modality),
                Census.Domain.Validation.Names.Parse<AvailabilityScope>(g.Key.AvailabilityNow),
                g.Key.Eligible,
                g.Count(),
                g.Sum(r => Weighted(r.LevelsNow, weights)),
                g.Sum(r => Weighted(r.LevelsPost, weights))))
            .ToList();
        return Task.FromResult(cells);
    }

    public Task<int?> RevisionAsync(string roundId, string institutionId, string datasetId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(roundId, institutionId, datasetId)?.Revision);

    /// <summary>What every write of a row goes through first: it is counted, then waits on a hold or throws an injected failure.</summary>
    private async Task BeforeWriteAsync(SurveyIndexRow row, string doing, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _upserts);
        _upsertsOf.AddOrUpdate((row.RoundId, row.InstitutionId, row.DatasetId), 1, (_, count) => count + 1);
        if (TakeHold(row) is { } hold)
        {
            await hold.WaitAsync();
        }

        if (TakeFailure(row))
        {
            throw new IOException($"Injected index failure {doing} {row.RoundId}/{row.InstitutionId}/{row.DatasetId} r{row.Revision}.");
        }
    }

    private bool TakeFailure(SurveyIndexRow row) => TakeRule(_failures, row);

    private bool TakeRule(List<FailureRule> rules, SurveyIndexRow row)
    {
        lock (_failuresLock)
        {
            var rule = rules.Find(r => r.Remaining > 0 && r.Matches(row));
            if (rule is null)
            {
                return false;
            }

            rule.Remaining--;
            rules.RemoveAll(r => r.Remaining == 0);
            return true;
        }
    }

    private UpsertHold? TakeHold(SurveyIndexRow row)
    {
        lock (_failuresLock)
        {
            var hold = _holds.Find(h => h.Matches(row));
            if (hold is not null)
            {
                _holds.Remove(hold);
            }

            return hold;
        }
    }

    /// <summary>An upsert held back: <see cref="Reached"/> completes when it arrives, <see cref="Release"/> lets it go on.</summary>
    public sealed class UpsertHold(Func<SurveyIndexRow, bool> matches)
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        internal bool Matches(SurveyIndexRow row) => matches(row);

        internal Task WaitAsync()
        {
            _reached.TrySetResult();
            return _released.Task;
        }
    }

    private sealed class FailureRule(Func<SurveyIndexRow, bool> matches)
    {
        public int Remaining { get; set; }

        public bool Matches(SurveyIndexRow row) => matches(row);
    }
}
