using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Domain.Rounds;
using Census.Domain.Rubric;
using Census.Domain.Surveys;
using Census.Domain.Validation;
using Census.Grains.Diagnostics;
using Census.Grains.Storage;

namespace Census.Grains.Surveys;

/// <summary>
/// One dataset of one institution. A write is acknowledged only after the grain's next state and the
/// round's index row (with its document and counter) are committed together, in one transaction and one
/// round trip (<see cref="ISurveyIndex.CommitDatasetAsync"/>): no crash can leave one without the other.
/// The state is stored under the version this activation read, so a second activation of the same dataset
/// (possible for a moment while the cluster's membership changes) cannot overwrite it; a write that finds
/// another version stored adopts it and decides again.
/// </summary>
// A round reports up to a million datasets, each written a few times over weeks: an idle dataset
// grain is collected after a few minutes instead of the default, so activations do not pile up.
// Activation reads nothing: lists and counts come from the index, and the state is read when a call
// needs it — except a write where no older dataset states exist (a fresh or fully moved deployment),
// which assumes the dataset is new and learns otherwise from the commit itself, so a new dataset's
// first write is one round trip.
[GrainType("dataset"), CollectionAgeLimit(Minutes = 5)]
public sealed class DatasetGrain(
    ISurveyIndex index,
    LegacyDatasetStates legacy,
    Orleans.Serialization.Serializer<DatasetState> serializer,
    TimeProvider clock,
    CensusMetrics metrics) : Grain, IDatasetGrain, IDatasetRepairGrain
{
    private DatasetState _state = new();
    private int _version;
    private bool _loaded;

    /// <summary>The state is assumed empty (a new dataset), not read: true until a commit confirms or corrects it.</summary>
    private bool _assumed;

    /// <summary>How many revision entries (who, when, what) a record keeps; older ones are dropped.</summary>
    public const int RememberedRevisions = 200;

    private string Key => this.GetPrimaryKeyString();

    private string InstitutionId => this.GetPrimaryKeyString().Split('/')[0];

    private string DatasetId => this.GetPrimaryKeyString().Split('/')[1];

    private IAssignmentGrain Assignment(string roundId) => GrainFactory.GetGrain<IAssignmentGrain>($"{roundId}/{InstitutionId}");

    Task<SurveyWriteResult> IDatasetGrain.Put(SurveyWrite write) => DecideAsync(() => PutAsync(write));

    Task<SurveyWriteResult> IDatasetGrain.Withdraw(string roundId, string actor, IReadOnlyList<int>? ifMatch) =>
        DecideAsync(() => WithdrawAsync(roundId, actor, ifMatch));

    /// <summary>A write decided on the state this activation holds; null if its commit found another version stored (now adopted).</summary>
    private async Task<SurveyWriteResult?> PutAsync(SurveyWrite write)
    {
        _state.Rounds.TryGetValue(write.RoundId, out var entry);
        var assignment = Assignment(write.RoundId);
        if (write.IdempotencyKey is { } key && entry?.Idempotency.Find(m => m.Key == key) is { } memo)
        {
            return await ReplayAsync(write, entry, memo, assignment);
        }

        var context = await assignment.GetWriteContext();
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (write.IfMatch is { } expected && (entry is null || entry.Withdrawn || !Matches(entry, expected)))
        {
            return new SurveyWriteResult(SurveyWriteOutcome.PreconditionFailed, null,
                $"If-Match {Describe(expected)} does not match the current revision ({(entry is null || entry.Withdrawn ? "none" : entry.Revision)}).");
        }

        var record = write.Record with { Sector = write.Record.Sector ?? context!.InstitutionSector };
        if (write.KeepUnchanged && entry is { Withdrawn: false } && SurveyRecordContent.Same(entry.Record, record))
        {
            // An import's row equal to the current revision: no revision, no notice, nothing to remember.
            return new SurveyWriteResult(SurveyWriteOutcome.Unchanged, Response(write.RoundId, entry, context!.Rubric), null);
        }

        var now = clock.GetUtcNow();
        var created = entry is null || entry.Withdrawn;
        var next = entry?.Copy() ?? new DatasetRoundEntry { Shard = Sharding.ShardOf(InstitutionId, DatasetId, context!.ShardCount) };
        next.Revision++;
        next.Record = record;
        next.Levels = AtusRubric.Levels(record, DateOnly.FromDateTime(context!.Deadline.UtcDateTime));
        next.UpdatedAt = now;
        next.UpdatedBy = write.Actor;
        next.Withdrawn = false;
        next.SubmissionsSeen = context.Submissions;
        AddHistory(next, new RevisionEntry(next.Revision, now, write.Actor, created ? "created" : "updated"));
        var outcome = created ? SurveyWriteOutcome.Created : SurveyWriteOutcome.Updated;
        if (write.IdempotencyKey is { } newKey)
        {
            IdempotencyMemory.Remember(next.Idempotency, new IdempotencyMemo(newKey, write.BodyHash, next.Revision, outcome, now, write.Actor), now);
        }

        switch (await CommitAsync(write.RoundId, next))
        {
            case DatasetCommitOutcome.RoundClosed:
                return Closed(write.RoundId);
            case DatasetCommitOutcome.VersionConflict:
                return null;
        }

        metrics.RecordWritten(created);
        await assignment.DatasetWritten(next.SubmissionsSeen, replayed: false);
        return new SurveyWriteResult(outcome, Response(write.RoundId, next, context.Rubric), null);
    }

    async Task<SurveyReadResult> IDatasetGrain.Get(string roundId)
    {
        var context = await Assignment(roundId).GetWriteContext();
        if (context is null)
        {
            return new SurveyReadResult(SurveyReadOutcome.RoundNotFound, null);
        }

        await LoadAsync();
        return _state.Rounds.TryGetValue(roundId, out var entry) && !entry.Withdrawn
            ? new SurveyReadResult(SurveyReadOutcome.Found, Response(roundId, entry, context.Rubric))
            : new SurveyReadResult(SurveyReadOutcome.NotFound, null);
    }

    private async Task<SurveyWriteResult?> WithdrawAsync(string roundId, string actor, IReadOnlyList<int>? ifMatch)
    {
        var assignment = Assignment(roundId);
        var context = await assignment.GetWriteContext();
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (!_state.Rounds.TryGetValue(roundId, out var entry) || entry.Withdrawn)
        {
            return new SurveyWriteResult(SurveyWriteOutcome.NotFound, null, $"No record of dataset '{DatasetId}' in round '{roundId}'.");
        }

        if (ifMatch is { } expected && !Matches(entry, expected))
        {
            return new SurveyWriteResult(SurveyWriteOutcome.PreconditionFailed, null,
                $"If-Match {Describe(expected)} does not match the current revision ({entry.Revision}).");
        }

        var now = clock.GetUtcNow();
        var next = entry.Copy();
        next.Revision++;
        next.Withdrawn = true;
        next.UpdatedAt = now;
        next.UpdatedBy = actor;
        next.SubmissionsSeen = context!.Submissions;
        AddHistory(next, new RevisionEntry(next.Revision, now, actor, "withdrawn"));
        switch (await CommitAsync(roundId, next))
        {
            case DatasetCommitOutcome.RoundClosed:
                return Closed(roundId);
            case DatasetCommitOutcome.VersionConflict:
                return null;
        }

        metrics.RecordWithdrawn();

        // A withdrawal is an edit: a submitted response is responding again (api.md).
        await assignment.DatasetWritten(next.SubmissionsSeen, replayed: false);
        return new SurveyWriteResult(SurveyWriteOutcome.Withdrawn, null, null);
    }

    async Task IDatasetRepairGrain.RepairIndex(string roundId)
    {
        await LoadAsync();
        if (_state.Rounds.TryGetValue(roundId, out var entry))
        {
            // Refused means the round closed with this state unindexed: nothing more can be done here,
            // and the write it belongs to was never acknowledged.
            if (await index.UpsertAsync(Row(roundId, entry)))
            {
                await Assignment(roundId).DatasetWritten(entry.SubmissionsSeen, replayed: true);
            }
        }

        // The state is indexed, or there is none (its write failed and rolled back): nothing pending.
        await index.ClearIntentAsync(roundId, InstitutionId, DatasetId, int.MaxValue);
    }

    /// <summary>
    /// A repeat of a remembered write: another body → refused; the same body → the first outcome, after
    /// finishing what the first attempt may have left undone (its row, its notice to the assignment).
    /// </summary>
    private async Task<SurveyWriteResult> ReplayAsync(SurveyWrite write, DatasetRoundEntry entry, IdempotencyMemo memo, IAssignmentGrain assignment)
    {
        if (memo.BodyHash != write.BodyHash)
        {
            return new SurveyWriteResult(SurveyWriteOutcome.IdempotencyKeyReused, null,
                $"Idempotency-Key '{memo.Key}' was already used with a different body.");
        }

        var context = await assignment.GetWriteContext();
        if (context is null)
        {
            return new SurveyWriteResult(SurveyWriteOutcome.RoundNotFound, null, "No such round.");
        }

        // The memo was committed with its row (one transaction), closed round or not: only the notice to the
        // assignment, sent after the commit, may have been lost.
        await assignment.DatasetWritten(entry.SubmissionsSeen, replayed: true);
        if (memo.Revision == entry.Revision && !entry.Withdrawn)
        {
            return new SurveyWriteResult(memo.Outcome, Response(write.RoundId, entry, context.Rubric), null);
        }

        // Later writes replaced that revision: the same key and body mean it held the body as sent,
        // with the institution's sector as default.
        var record = write.Record with { Sector = write.Record.Sector ?? context.InstitutionSector };
        var levels = AtusRubric.Levels(record, DateOnly.FromDateTime(context.Deadline.UtcDateTime));
        return new SurveyWriteResult(memo.Outcome, new SurveyResponse(
            write.RoundId, InstitutionId, DatasetId, memo.Revision, memo.At, memo.By, record,
            AtusRubric.Score(levels, context.Rubric.Weights, context.Rubric.Version)), null);
    }

    /// <summary>
    /// Runs a decision on the stored state: with no state read yet, a write assumes none exists where no
    /// older states may exist (its commit says otherwise if one does), else reads it first. A decision whose
    /// commit met another version adopts that version and decides again.
    /// </summary>
    private async Task<SurveyWriteResult> DecideAsync(Func<Task<SurveyWriteResult?>> decide)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!_loaded)
            {
                if (attempt == 1 && !await legacy.MayExistAsync())
                {
                    Adopt(null);
                    _assumed = true;
                }
                else
                {
                    await LoadAsync();
                }
            }

            var result = await decide();
            if (_assumed)
            {
                // Decided on an assumed state without committing (an If-Match, a withdraw, a refusal): only a
                // commit would have shown the assumption wrong, so read the state and decide again.
                _assumed = false;
                _loaded = false;
                continue;
            }

            if (result is not null)
            {
                return result;
            }

            if (attempt == 4)
            {
                throw new InvalidOperationException($"Dataset '{Key}' kept meeting other stored versions; the write was not stored.");
            }
        }
    }

    private async Task LoadAsync()
    {
        if (_loaded)
        {
            return;
        }

        if (await index.ReadDatasetStateAsync(Key) is { } stored)
        {
            Adopt(stored);
            return;
        }

        var old = await legacy.ReadAsync(this.GetGrainId());
        _state = old ?? new DatasetState();
        _version = 0;
        _loaded = true;
    }

    private void Adopt(StoredDatasetState? stored)
    {
        _state = stored is null ? new DatasetState() : serializer.Deserialize(stored.Payload) ?? new DatasetState();
        _version = stored?.Version ?? 0;
        _loaded = true;
    }

    /// <summary>
    /// The state with <paramref name="next"/> as the round's entry, and its row, in one commit. This
    /// activation's state changes only once the commit is known: committed, it is the new state; refused
    /// (closed round), the old one stays; another version found, that one is adopted; an exception (outcome
    /// unknown) makes the next call read the state again.
    /// </summary>
    private async Task<DatasetCommitOutcome> CommitAsync(string roundId, DatasetRoundEntry next)
    {
        var nextState = new DatasetState { Rounds = new Dictionary<string, DatasetRoundEntry>(_state.Rounds) { [roundId] = next } };
        DatasetCommitResult result;
        try
        {
            result = await index.CommitDatasetAsync(new DatasetCommit(Key, _version, serializer.SerializeToArray(nextState), Row(roundId, next)));
        }
        catch
        {
            _loaded = false;
            _assumed = false;
            throw;
        }

        // Stored or refused, the store has answered for the version this decision assumed.
        _assumed = result.Outcome == DatasetCommitOutcome.RoundClosed && _assumed;

        switch (result.Outcome)
        {
            case DatasetCommitOutcome.Committed:
                _state = nextState;
                _version = result.Version;
                break;
            case DatasetCommitOutcome.VersionConflict:
                Adopt(result.Stored);
                break;
        }

        return result.Outcome;
    }

    private static SurveyWriteResult Closed(string roundId) =>
        new(SurveyWriteOutcome.RoundNotOpen, null, $"Round '{roundId}' is closed: records cannot change.");

    private static bool Matches(DatasetRoundEntry entry, IReadOnlyList<int> acceptable) =>
        acceptable.Any(expected => expected == 0 || entry.Revision == expected);

    private static string Describe(IReadOnlyList<int> acceptable) =>
        string.Join(", ", acceptable.Select(r => r switch { 0 => "*", < 0 => "W/\"…\"", _ => $"\"{r}\"" }));

    private SurveyWriteResult? Refuse(RoundWriteContext? context)
    {
        if (context is null)
        {
            return new SurveyWriteResult(SurveyWriteOutcome.RoundNotFound, null, "No such round.");
        }

        if (!context.Invited)
        {
            return new SurveyWriteResult(SurveyWriteOutcome.NotInvited, null,
                $"Institution '{InstitutionId}' is not invited to round '{context.RoundId}'.");
        }

        return RoundRules.AcceptsWrites(context.State, context.Deadline, clock.GetUtcNow())
            ? null
            : new SurveyWriteResult(SurveyWriteOutcome.RoundNotOpen, null,
                $"Round '{context.RoundId}' is {Names.Of(context.State)}{(context.State == RoundState.Open ? " but its deadline has passed" : "")}: records cannot change.");
    }

    private static void AddHistory(DatasetRoundEntry entry, RevisionEntry revision)
    {
        entry.History.Add(revision);
        if (entry.History.Count > RememberedRevisions)
        {
            entry.History.RemoveRange(0, entry.History.Count - RememberedRevisions);
        }
    }

    private SurveyIndexRow Row(string roundId, DatasetRoundEntry entry)
    {
        var record = entry.Record;
        var gates = RubricGates.ToBits(entry.Levels.FailedGates);
        return new SurveyIndexRow(
            roundId, InstitutionId, DatasetId, entry.Shard, entry.Revision, entry.Withdrawn,
            Names.Of(record.Sector!.Value), Names.Of(record.Modality!.Value), Names.Of(record.Availability!.Now!.Value),
            entry.Levels.FailedGates.Count == 0, gates, entry.Levels.Now, entry.Levels.Post, entry.UpdatedAt)
        {
            UpdatedBy = entry.UpdatedBy,
            Record = record,
            Levels = entry.Levels,
        };
    }

    private SurveyResponse Response(string roundId, DatasetRoundEntry entry, RubricVersion rubric) => new(
        roundId, InstitutionId, DatasetId, entry.Revision, entry.UpdatedAt, entry.UpdatedBy, entry.Record,
        AtusRubric.Score(entry.Levels, rubric.Weights, rubric.Version));
}
