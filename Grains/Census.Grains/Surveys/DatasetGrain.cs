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
/// One dataset of one institution. A write is acknowledged only after both the grain state and the
/// index row are committed, in that order: an intent row first (the index may fall behind), then the
/// state (with the new revision), then the index row (an upsert that only moves forward by revision and
/// clears the intent). If the process dies between state and row, the index is behind by one revision:
/// the client's retry or the <see cref="SurveyIndexSweeper"/>, which finds the intent, replays the upsert.
/// The reverse order could leave the index ahead of anything acknowledged. An upsert the index refuses
/// because the round was closed restores the previous state: a closed round takes no write.
/// </summary>
// A round reports up to a million datasets, each written a few times over weeks: an idle dataset
// grain is collected after a few minutes instead of the default, so activations do not pile up.
// Activation itself reads the state and nothing more: lists and counts come from the index, so a
// grain that merely wakes writes nothing and calls nobody.
[GrainType("dataset"), CollectionAgeLimit(Minutes = 5)]
public sealed class DatasetGrain(
    [PersistentState("dataset", StorageNames.Census)] IPersistentState<DatasetState> state,
    ISurveyIndex index,
    TimeProvider clock,
    CensusMetrics metrics) : Grain, IDatasetGrain, IDatasetRepairGrain
{
    /// <summary>How many revision entries (who, when, what) a record keeps; older ones are dropped.</summary>
    public const int RememberedRevisions = 200;

    private string InstitutionId => this.GetPrimaryKeyString().Split('/')[0];

    private string DatasetId => this.GetPrimaryKeyString().Split('/')[1];

    private IAssignmentGrain Assignment(string roundId) => GrainFactory.GetGrain<IAssignmentGrain>($"{roundId}/{InstitutionId}");

    async Task<SurveyWriteResult> IDatasetGrain.Put(SurveyWrite write)
    {
        state.State.Rounds.TryGetValue(write.RoundId, out var entry);
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

        var now = clock.GetUtcNow();
        var record = write.Record with { Sector = write.Record.Sector ?? context!.InstitutionSector };
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

        if (!await CommitAsync(write.RoundId, entry, next))
        {
            return Closed(write.RoundId);
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

        return state.State.Rounds.TryGetValue(roundId, out var entry) && !entry.Withdrawn
            ? new SurveyReadResult(SurveyReadOutcome.Found, Response(roundId, entry, context.Rubric))
            : new SurveyReadResult(SurveyReadOutcome.NotFound, null);
    }

    async Task<SurveyWriteResult> IDatasetGrain.Withdraw(string roundId, string actor, IReadOnlyList<int>? ifMatch)
    {
        var assignment = Assignment(roundId);
        var context = await assignment.GetWriteContext();
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (!state.State.Rounds.TryGetValue(roundId, out var entry) || entry.Withdrawn)
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
        if (!await CommitAsync(roundId, entry, next))
        {
            return Closed(roundId);
        }

        metrics.RecordWithdrawn();

        // A withdrawal is an edit: a submitted response is responding again (api.md).
        await assignment.DatasetWritten(next.SubmissionsSeen, replayed: false);
        return new SurveyWriteResult(SurveyWriteOutcome.Withdrawn, null, null);
    }

    async Task IDatasetRepairGrain.RepairIndex(string roundId)
    {
        if (state.State.Rounds.TryGetValue(roundId, out var entry))
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

        // An index that refuses the current state (round closed) still holds the first attempt if its
        // row got there before the close; if not, that write was never acknowledged and is not now.
        if (!await index.UpsertAsync(Row(write.RoundId, entry)) &&
            (await index.RevisionAsync(write.RoundId, InstitutionId, DatasetId) ?? 0) < memo.Revision)
        {
            return Closed(write.RoundId);
        }

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
    /// Intent, state, row. Returns false, with the previous entry restored in memory and in storage,
    /// when the index refused the row because the round was closed.
    /// </summary>
    private async Task<bool> CommitAsync(string roundId, DatasetRoundEntry? previous, DatasetRoundEntry next)
    {
        await index.RecordIntentAsync(roundId, InstitutionId, DatasetId, next.Revision, clock.GetUtcNow());
        state.State.Rounds[roundId] = next;

        // A failed state write rolls back; its intent stays for the sweeper, whose repair finds nothing to do.
        await state.WriteOrRollBackAsync(this);

        // A failed upsert leaves the state ahead of the row and the intent in place: the client's
        // retry or the sweeper finishes it. The write is not acknowledged (the exception says so).
        if (await index.UpsertAsync(Row(roundId, next)))
        {
            return true;
        }

        if (previous is null)
        {
            state.State.Rounds.Remove(roundId);
        }
        else
        {
            state.State.Rounds[roundId] = previous;
        }

        await state.WriteOrRollBackAsync(this);
        await index.ClearIntentAsync(roundId, InstitutionId, DatasetId, int.MaxValue);
        return false;
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
