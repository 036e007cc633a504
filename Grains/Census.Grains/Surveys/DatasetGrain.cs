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
/// index row are committed, in that order: state first (with the new revision), then the index row
/// (an upsert that only moves forward by revision). If the process dies between the two, the index
/// is behind by one revision; the next activation of this grain, or the client's retry, replays the
/// upsert. The reverse order could leave the index ahead of anything acknowledged.
/// </summary>
// A round reports up to a million datasets, each written a few times over weeks: an idle dataset
// grain is collected after a few minutes instead of the default, so activations do not pile up.
[GrainType("dataset"), CollectionAgeLimit(Minutes = 5)]
public sealed class DatasetGrain(
    [PersistentState("dataset", StorageNames.Census)] IPersistentState<DatasetState> state,
    ISurveyIndex index,
    TimeProvider clock,
    CensusMetrics metrics) : Grain, IDatasetGrain
{
    /// <summary>How many idempotency keys a record remembers.</summary>
    public const int RememberedIdempotencyKeys = 20;

    /// <summary>How many revision entries (who, when, what) a record keeps; older ones are dropped.</summary>
    public const int RememberedRevisions = 200;

    private readonly HashSet<string> _unindexed = new(StringComparer.Ordinal);
    private IGrainTimer? _indexRetry;

    private string InstitutionId => this.GetPrimaryKeyString().Split('/')[0];

    private string DatasetId => this.GetPrimaryKeyString().Split('/')[1];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The last activation may have died between its state write and the index row or the
        // assignment's update: replay both. Each is idempotent and ordered by revision or time.
        foreach (var roundId in state.State.Rounds.Keys)
        {
            _unindexed.Add(roundId);
        }

        await RepairIndexAsync(cancellationToken);
        foreach (var (roundId, entry) in state.State.Rounds)
        {
            await NotifyAssignmentAsync(roundId, entry);
        }
    }

    async Task<SurveyWriteResult> IDatasetGrain.Put(SurveyWrite write)
    {
        state.State.Rounds.TryGetValue(write.RoundId, out var entry);
        if (Replay(entry, write.IdempotencyKey, write.BodyHash) is { } replayed)
        {
            // The first attempt may have died after its state write: finish what it left undone.
            await RepairIndexAsync();
            await NotifyAssignmentAsync(write.RoundId, entry!);
            return replayed;
        }

        var assignment = GrainFactory.GetGrain<IAssignmentGrain>($"{write.RoundId}/{InstitutionId}");
        var context = await assignment.GetWriteContext();
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (write.IfMatch is { } expected && (entry is null || entry.Withdrawn || !Matches(entry, expected)))
        {
            return new SurveyWriteResult(SurveyWriteOutcome.PreconditionFailed, null,
                $"If-Match \"{expected}\" does not match the current revision ({(entry is null || entry.Withdrawn ? "none" : entry.Revision)}).");
        }

        var now = clock.GetUtcNow();
        var record = write.Record with { Sector = write.Record.Sector ?? context!.InstitutionSector };
        var created = entry is null || entry.Withdrawn;
        entry ??= new DatasetRoundEntry { Shard = Sharding.ShardOf(InstitutionId, DatasetId, context!.ShardCount) };
        entry.Revision++;
        entry.Record = record;
        entry.Levels = AtusRubric.Levels(record, DateOnly.FromDateTime(context!.Deadline.UtcDateTime));
        entry.UpdatedAt = now;
        entry.UpdatedBy = write.Actor;
        entry.Withdrawn = false;
        AddHistory(entry, new RevisionEntry(entry.Revision, now, write.Actor, created ? "created" : "updated"));
        var outcome = created ? SurveyWriteOutcome.Created : SurveyWriteOutcome.Updated;
        var response = Response(write.RoundId, entry, context.Rubric);
        if (write.IdempotencyKey is { } key)
        {
            Remember(entry, new IdempotencyEntry(key, write.BodyHash, outcome, response));
        }

        state.State.Rounds[write.RoundId] = entry;
        await CommitAsync(write.RoundId);
        metrics.RecordWritten(created);
        await assignment.DatasetWritten(clock.GetUtcNow());
        return new SurveyWriteResult(outcome, response, null);
    }

    async Task<SurveyReadResult> IDatasetGrain.Get(string roundId)
    {
        var context = await GrainFactory.GetGrain<IAssignmentGrain>($"{roundId}/{InstitutionId}").GetWriteContext();
        if (context is null)
        {
            return new SurveyReadResult(SurveyReadOutcome.RoundNotFound, null);
        }

        return state.State.Rounds.TryGetValue(roundId, out var entry) && !entry.Withdrawn
            ? new SurveyReadResult(SurveyReadOutcome.Found, Response(roundId, entry, context.Rubric))
            : new SurveyReadResult(SurveyReadOutcome.NotFound, null);
    }

    async Task<SurveyWriteResult> IDatasetGrain.Withdraw(string roundId, string actor, int? ifMatch)
    {
        var assignment = GrainFactory.GetGrain<IAssignmentGrain>($"{roundId}/{InstitutionId}");
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
                $"If-Match \"{expected}\" does not match the current revision ({entry.Revision}).");
        }

        var now = clock.GetUtcNow();
        entry.Revision++;
        entry.Withdrawn = true;
        entry.UpdatedAt = now;
        entry.UpdatedBy = actor;
        AddHistory(entry, new RevisionEntry(entry.Revision, now, actor, "withdrawn"));
        await CommitAsync(roundId);
        metrics.RecordWithdrawn();
        return new SurveyWriteResult(SurveyWriteOutcome.Withdrawn, null, null);
    }

    private static bool Matches(DatasetRoundEntry entry, int expected) => expected == 0 || entry.Revision == expected;

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

    /// <summary>A repeat of a remembered write: same body → the first response; another body → refused.</summary>
    private static SurveyWriteResult? Replay(DatasetRoundEntry? entry, string? key, string bodyHash)
    {
        if (key is null || entry?.IdempotencyKeys.Find(k => k.Key == key) is not { } remembered)
        {
            return null;
        }

        return remembered.BodyHash == bodyHash
            ? new SurveyWriteResult(remembered.Outcome, remembered.Response, null)
            : new SurveyWriteResult(SurveyWriteOutcome.IdempotencyKeyReused, null,
                $"Idempotency-Key '{key}' was already used with a different body.");
    }

    private static void AddHistory(DatasetRoundEntry entry, RevisionEntry revision)
    {
        entry.History.Add(revision);
        if (entry.History.Count > RememberedRevisions)
        {
            entry.History.RemoveRange(0, entry.History.Count - RememberedRevisions);
        }
    }

    private static void Remember(DatasetRoundEntry entry, IdempotencyEntry remembered)
    {
        entry.IdempotencyKeys.Add(remembered);
        if (entry.IdempotencyKeys.Count > RememberedIdempotencyKeys)
        {
            entry.IdempotencyKeys.RemoveAt(0);
        }
    }

    private async Task CommitAsync(string roundId)
    {
        _unindexed.Add(roundId);
        await state.WriteOrRollBackAsync(this);
        try
        {
            await RepairIndexAsync();
        }
        catch
        {
            // The state is committed but its index row is not: keep retrying in the background
            // (the client's retry or the next activation would also repair it), and report the failure.
            _indexRetry ??= this.RegisterGrainTimer(RetryIndexAsync, new GrainTimerCreationOptions(IndexRetryPeriod, IndexRetryPeriod));
            throw;
        }
    }

    /// <summary>How often a committed write whose index row failed is retried.</summary>
    public static readonly TimeSpan IndexRetryPeriod = TimeSpan.FromSeconds(5);

    private async Task RetryIndexAsync(CancellationToken cancellationToken)
    {
        await RepairIndexAsync(cancellationToken);
        _indexRetry?.Dispose();
        _indexRetry = null;
    }

    private async Task RepairIndexAsync(CancellationToken cancellationToken = default)
    {
        foreach (var roundId in _unindexed.ToList())
        {
            // After a failed state write the entry may be gone again (rolled back): nothing to index.
            if (state.State.Rounds.TryGetValue(roundId, out var entry))
            {
                await index.UpsertAsync(Row(roundId, entry), cancellationToken);
            }

            _unindexed.Remove(roundId);
        }
    }

    private Task NotifyAssignmentAsync(string roundId, DatasetRoundEntry entry) =>
        entry.Withdrawn
            ? Task.CompletedTask
            : GrainFactory.GetGrain<IAssignmentGrain>($"{roundId}/{InstitutionId}").DatasetWritten(entry.UpdatedAt);

    private SurveyIndexRow Row(string roundId, DatasetRoundEntry entry)
    {
        var record = entry.Record;
        var gates = entry.Levels.FailedGates.Sum(g => g switch { "G1" => 1, "G2" => 2, "G3" => 4, _ => 0 });
        return new SurveyIndexRow(
            roundId, InstitutionId, DatasetId, entry.Shard, entry.Revision, entry.Withdrawn,
            Names.Of(record.Sector!.Value), Names.Of(record.Modality!.Value), Names.Of(record.Availability!.Now!.Value),
            entry.Levels.FailedGates.Count == 0, gates, entry.Levels.Now, entry.Levels.Post, entry.UpdatedAt);
    }

    private SurveyResponse Response(string roundId, DatasetRoundEntry entry, RubricVersion rubric) => new(
        roundId, InstitutionId, DatasetId, entry.Revision, entry.UpdatedAt, entry.UpdatedBy, entry.Record,
        AtusRubric.Score(entry.Levels, rubric.Weights, rubric.Version));
}
