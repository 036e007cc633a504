using Census.Contracts.Institutions;
using Census.Contracts.Rankings;
using Census.Contracts.Surveys;
using Census.Domain.Rubric;
using Census.Domain.Selection;
using Census.Grains.Diagnostics;
using Census.Grains.Storage;
using Census.Grains.Surveys;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Rankings;

/// <summary>
/// One ranking run. The run is persisted as running before any work starts, with a reminder that
/// resumes it if the silo dies mid-run; the work runs on an interleaving timer, so reading the run
/// never waits for it. The work itself is deterministic — the same shards, the same definition and a
/// frozen index give the same selection on any silo, however often it is restarted.
/// </summary>
[GrainType("ranking-run")]
public sealed class RankingRunGrain(
    [PersistentState("ranking-run", StorageNames.Census)] IPersistentState<RankingRunState> state,
    ISurveyIndex index,
    TimeProvider clock,
    ILogger<RankingRunGrain> logger,
    CensusMetrics metrics) : Grain, IRankingRunGrain, IRemindable
{
    private const string ResumeReminder = "resume";
    private const int MaxAttempts = 8;
    private bool _computing;

    async Task<RankingRun> IRankingRunGrain.Start(RankingRunDefinition definition)
    {
        if (state.State.Definition is null)
        {
            state.State.Definition = definition;
            state.State.State = RunState.Running;
            await state.WriteOrRollBackAsync(this);
            await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            metrics.RankingRunStarted();
        }

        StartComputing();
        return View();
    }

    Task<RankingRun?> IRankingRunGrain.Get()
    {
        // A run left running by a process that stopped (local mode keeps reminders in memory) resumes
        // when it is next looked at; StartComputing does nothing if this activation is already at it.
        StartComputing();
        return Task.FromResult(state.State.Definition is null ? null : View());
    }

    Task<IReadOnlyList<SelectedRecord>?> IRankingRunGrain.CompletedSelection() =>
        Task.FromResult<IReadOnlyList<SelectedRecord>?>(state.State.State == RunState.Completed ? state.State.Selection : null);

    async Task<Explanation?> IRankingRunGrain.Explain(string institutionId, string datasetId, CancellationToken cancellationToken)
    {
        if (state.State.Definition is not { } definition || state.State.State is RunState.Running or RunState.Failed)
        {
            return null;
        }

        if (state.State.Selection.Find(s => s.InstitutionId == institutionId && s.DatasetId == datasetId) is { } selected)
        {
            return RankingExplanations.ForSelected(selected, state.State.Selection.Count);
        }

        // Any other record is explained from its group's index rows — unless the group is not as the run read it
        // (an open round changed since): then this run never saw the record as it is now. Compared by revisions.
        if (await index.ReadRowAsync(definition.RoundId, institutionId, datasetId, cancellationToken) is not { } row)
        {
            return null;
        }

        var sector = Census.Domain.Validation.Names.Parse<Sector>(row.Sector);
        var group = await index.ReadGroupAsync(definition.RoundId, institutionId, row.Sector, cancellationToken);
        if (!AsRanked(definition, institutionId, sector, group))
        {
            return null;
        }

        var weights = definition.Weights.ToArray();
        Candidate Candidate(ShardRow r) => new(r.InstitutionId, r.DatasetId, sector,
            AtusRubric.QuarterPoints(Levels(r.Levels, post: true), weights), AtusRubric.QuarterPoints(Levels(r.Levels, post: false), weights));
        var ranked = group.Where(r => r.Eligible && !r.Withdrawn).Select(Candidate).ToList();
        var selection = state.State.Selection
            .Select(s => new Candidate(s.InstitutionId, s.DatasetId, s.Sector, QuarterPoints.FromScore(s.Post), QuarterPoints.FromScore(s.Now)))
            .ToList();
        return RankingExplanations.ForUnselected(
            Candidate(row), row.Eligible ? 0 : row.FailedGates, ranked, selection, definition.Policy,
            state.State.State == RunState.Infeasible ? state.State.Reason ?? "" : null);
    }

    /// <summary>
    /// Whether a group's rows are those the run ranked: the same count and fingerprint of (dataset, revision). A frozen
    /// run's round was closed, so its index cannot have changed; a run recorded before fingerprints existed is trusted
    /// only then.
    /// </summary>
    private bool AsRanked(RankingRunDefinition definition, string institutionId, Sector sector, IReadOnlyList<ShardRow> group)
    {
        if (state.State.Groups is not { } groups)
        {
            return definition.Frozen;
        }

        var now = GroupFingerprints.Of(institutionId, sector, group);
        return groups.TryGetValue(GroupFingerprints.Key(institutionId, sector), out var ranked)
            ? ranked.Rows == now.Rows && ranked.Hash == now.Hash
            : now.Rows == 0;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.State == RunState.Running)
        {
            StartComputing();
        }
        else if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void StartComputing(TimeSpan delay = default)
    {
        if (_computing || state.State.Definition is null || state.State.State != RunState.Running)
        {
            return;
        }

        _computing = true;
        this.RegisterGrainTimer(ComputeAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    /// <summary>
    /// How long to wait before attempt n + 1: a shard whose silo just died fails every call until the cluster
    /// declares that silo dead (tens of seconds), so retries back off — 2, 4, 8 … 60 s, about five minutes over
    /// all attempts — instead of spending them all at once.
    /// </summary>
    internal static TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(60, 1 << Math.Clamp(failedAttempts, 1, 6)));

    private async Task ComputeAsync(CancellationToken cancellationToken)
    {
        var definition = state.State.Definition!;
        TimeSpan? retry = null;
        try
        {
            var constraints = SelectionPolicies.ToConstraints(definition.Policy);
            var request = new ShardRankRequest(definition.Weights, definition.Policy, definition.Frozen, definition.RunId);
            var shards = Enumerable.Range(0, definition.ShardCount)
                .Select(shard => GrainFactory.GetGrain<IRoundShardGrain>($"{definition.RoundId}/{shard}"))
                .ToArray();

            // Two questions to every shard (CandidatePruning): samples bound each sector's list, then only
            // records at or above those bounds travel. The solver's answer is the same as on every record.
            var perSector = CandidatePruning.SampleSize(constraints, shards.Length);
            var phases = System.Diagnostics.Stopwatch.StartNew();
            var samples = await Task.WhenAll(shards.Select(s => s.Sample(request, perSector)));
            var sampled = phases.Elapsed;
            var thresholds = CandidatePruning.Thresholds(samples.SelectMany(s => s.Samples), constraints);
            var (result, modalities, gathered) = await SolveAsync(shards, request, thresholds, constraints);
            logger.LogInformation(
                "Ranking run {RoundId}/{RunId}: shards sampled in {SampledMs} ms, {Candidates} candidates gathered in {GatheredMs} ms and solved in {SolvedMs} ms",
                definition.RoundId, definition.RunId, (long)sampled.TotalMilliseconds, modalities.Count, (long)gathered.TotalMilliseconds,
                (long)(phases.Elapsed - sampled - gathered).TotalMilliseconds);
            if (result.Outcome == SelectionOutcome.Infeasible && thresholds.Count > 0)
            {
                // The outcome stands; its reason names a minimum cut, which needs the minimum sectors' whole lists.
                (result, modalities, _) = await SolveAsync(shards, request, [], constraints);
            }

            state.State.Groups = definition.Frozen ? null : GroupFingerprints.Combine(samples.SelectMany(s => s.Groups ?? []));
            state.State.Scored = samples.Sum(s => s.Scored);
            state.State.Eligible = samples.Sum(s => s.Eligible);
            state.State.TotalPostQuarterPoints = result.TotalPostQuarterPoints;
            state.State.Reason = result.Reason;
            state.State.Selection = [.. result.Selected.Select((c, i) => new SelectedRecord(
                i + 1, c.InstitutionId, c.DatasetId, c.Sector, modalities[c.Key], QuarterPoints.ToScore(c.NowQuarterPoints), QuarterPoints.ToScore(c.PostQuarterPoints)))];
            state.State.State = result.Outcome == SelectionOutcome.Selected ? RunState.Completed : RunState.Infeasible;
            state.State.CompletedAt = clock.GetUtcNow();
            await state.WriteOrRollBackAsync(this);
            metrics.RankingRunEnded(state.State.State, clock.GetUtcNow() - definition.StartedAt);
            logger.LogInformation("Ranking run {RoundId}/{RunId} {State}: {Scored} scored, {Selected} selected",
                definition.RoundId, definition.RunId, state.State.State, state.State.Scored, state.State.Selection.Count);
            if (await this.GetReminder(ResumeReminder, cancellationToken) is { } reminder)
            {
                await this.UnregisterReminder(reminder, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left running: tried again after a delay (or by the resume reminder, or when read), up to a limit.
            logger.LogWarning(e, "Ranking run {RoundId}/{RunId} failed an attempt", definition.RoundId, definition.RunId);
            if (++state.State.FailedAttempts >= MaxAttempts)
            {
                state.State.State = RunState.Failed;
                state.State.Reason = $"Gave up after {MaxAttempts} attempts: {e.GetType().Name}.";
                state.State.CompletedAt = clock.GetUtcNow();
            }
            else
            {
                retry = RetryDelay(state.State.FailedAttempts);
            }

            await state.WriteOrRollBackAsync(this);
            if (state.State.State == RunState.Failed)
            {
                metrics.RankingRunEnded(RunState.Failed, clock.GetUtcNow() - definition.StartedAt);
            }
        }
        finally
        {
            _computing = false;
            if (retry is { } delay)
            {
                StartComputing(delay);
            }
        }
    }

    private static async Task<(SelectionResult Result, Dictionary<string, Modality> Modalities, TimeSpan Gathered)> SolveAsync(
        IRoundShardGrain[] shards, ShardRankRequest request, IReadOnlyList<ScoreThreshold> thresholds, SelectionConstraints constraints)
    {
        var gathering = System.Diagnostics.Stopwatch.StartNew();
        var answers = await Task.WhenAll(shards.Select(s => s.Candidates(request, thresholds)));
        var modalities = new Dictionary<string, Modality>(StringComparer.Ordinal);
        var candidates = new List<Candidate>();
        foreach (var record in answers.SelectMany(a => a.Candidates))
        {
            var candidate = new Candidate(record.InstitutionId, record.DatasetId, record.Sector, record.PostQuarterPoints, record.NowQuarterPoints);
            candidates.Add(candidate);
            modalities[candidate.Key] = record.Modality;
        }

        var gathered = gathering.Elapsed;
        return (ExactSelection.Solve(candidates, constraints), modalities, gathered);
    }

    private RankingRun View()
    {
        var s = state.State;
        var d = s.Definition!;
        return new RankingRun(d.RunId, s.State, d.RubricVersion, d.StartedAt, s.CompletedAt, s.Scored, s.Eligible,
            QuarterPoints.ToScore(s.TotalPostQuarterPoints), s.Reason, s.Selection);
    }

    private static int[] Levels(byte[] levels, bool post) => [.. levels.Skip(post ? 10 : 0).Take(10).Select(l => (int)l)];
}
