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

        // A selected record is explained by what the run ranked, whatever happened to it since.
        if (state.State.Selection.Find(s => s.InstitutionId == institutionId && s.DatasetId == datasetId) is { } selected)
        {
            return new Explanation(true, selected.Rank, selected.Post, selected.Now, "selected",
                $"Selected at rank {selected.Rank} of {state.State.Selection.Count}.");
        }

        // Any other record is explained from its index row — unless the row changed after the run
        // started (an open round), in which case this run never saw it as it is now.
        if (await index.ReadRowAsync(definition.RoundId, institutionId, datasetId, cancellationToken) is not { } row ||
            row.UpdatedAt > definition.StartedAt)
        {
            return null;
        }

        var weights = definition.Weights.ToArray();
        var post = Score(row.Levels, weights, post: true);
        var now = Score(row.Levels, weights, post: false);

        if (!row.Eligible)
        {
            var gates = new[] { (1, "G1 lawfulToProvide"), (2, "G2 license"), (4, "G3 availability.afterProcessing") }
                .Where(g => (row.FailedGates & g.Item1) != 0).Select(g => g.Item2);
            return new Explanation(false, null, post, now, "ineligible", "Fails gate " + string.Join(", ", gates) + ".");
        }

        if (state.State.State == RunState.Infeasible)
        {
            return new Explanation(false, null, post, now, "constraint", "The run is infeasible: " + state.State.Reason);
        }

        if (await BindingAsync(definition, row, cancellationToken) is not { } binding)
        {
            return null;
        }

        return binding == "quota"
            ? new Explanation(false, null, post, now, "below-cut", $"Its post score {post} is below the cut of the {definition.Policy.Quota} selected.")
            : new Explanation(false, null, post, now, "constraint", $"Kept out by {binding}.");
    }

    /// <summary>
    /// What kept an eligible, unselected record out: the group cap if it ranks below its (institution, sector)
    /// group's top, else the solver's binding rule against the selection. Null if the group changed after the run
    /// started (an open round): the run did not rank the group as it is now.
    /// </summary>
    private async Task<string?> BindingAsync(RankingRunDefinition definition, ShardRow row, CancellationToken cancellationToken)
    {
        var group = await index.ReadGroupAsync(definition.RoundId, row.InstitutionId, row.Sector, cancellationToken);
        if (group.Any(r => r.UpdatedAt > definition.StartedAt))
        {
            return null;
        }

        var weights = definition.Weights.ToArray();
        var sector = Census.Domain.Validation.Names.Parse<Sector>(row.Sector);
        Candidate Candidate(ShardRow r) => new(r.InstitutionId, r.DatasetId, sector,
            AtusRubric.QuarterPoints(Levels(r.Levels, post: true), weights), AtusRubric.QuarterPoints(Levels(r.Levels, post: false), weights));

        var candidate = Candidate(row);
        var constraints = SelectionPolicies.ToConstraints(definition.Policy);
        var ahead = group.Count(r => r.Eligible && !r.Withdrawn && RankingOrder.Instance.Compare(Candidate(r), candidate) < 0);
        if (ahead >= ExactSelection.GroupTop(constraints, sector))
        {
            return GroupCap(definition, row);
        }

        var selected = state.State.Selection
            .Select(s => new Candidate(s.InstitutionId, s.DatasetId, s.Sector, (int)(s.Post * 4), (int)(s.Now * 4)))
            .ToList();
        return ExactSelection.WhyNotSelected(candidate, selected, constraints);
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
            var (result, modalities) = await SolveAsync(shards, request, thresholds, constraints);
            logger.LogInformation(
                "Ranking run {RoundId}/{RunId}: shards sampled in {SampledMs} ms, {Candidates} candidates sent and solved in {SolvedMs} ms",
                definition.RoundId, definition.RunId, (long)sampled.TotalMilliseconds, modalities.Count, (long)(phases.Elapsed - sampled).TotalMilliseconds);
            if (result.Outcome == SelectionOutcome.Infeasible && thresholds.Count > 0)
            {
                // The outcome stands; its reason names a minimum cut, which needs the minimum sectors' whole lists.
                (result, modalities) = await SolveAsync(shards, request, [], constraints);
            }

            state.State.Scored = samples.Sum(s => s.Scored);
            state.State.Eligible = samples.Sum(s => s.Eligible);
            state.State.TotalPostQuarterPoints = result.TotalPostQuarterPoints;
            state.State.Reason = result.Reason;
            state.State.Selection = [.. result.Selected.Select((c, i) => new SelectedRecord(
                i + 1, c.InstitutionId, c.DatasetId, c.Sector, modalities[c.Key], c.NowQuarterPoints / 4m, c.PostQuarterPoints / 4m))];
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

    private static async Task<(SelectionResult Result, Dictionary<string, Modality> Modalities)> SolveAsync(
        IRoundShardGrain[] shards, ShardRankRequest request, IReadOnlyList<ScoreThreshold> thresholds, SelectionConstraints constraints)
    {
        var answers = await Task.WhenAll(shards.Select(s => s.Candidates(request, thresholds)));
        var modalities = new Dictionary<string, Modality>(StringComparer.Ordinal);
        var candidates = new List<Candidate>();
        foreach (var record in answers.SelectMany(a => a.Candidates))
        {
            var candidate = new Candidate(record.InstitutionId, record.DatasetId, record.Sector, record.PostQuarterPoints, record.NowQuarterPoints);
            candidates.Add(candidate);
            modalities[candidate.Key] = record.Modality;
        }

        return (ExactSelection.Solve(candidates, constraints), modalities);
    }

    private RankingRun View()
    {
        var s = state.State;
        var d = s.Definition!;
        return new RankingRun(d.RunId, s.State, d.RubricVersion, d.StartedAt, s.CompletedAt, s.Scored, s.Eligible,
            s.TotalPostQuarterPoints / 4m, s.Reason, s.Selection);
    }

    private static decimal Score(byte[] levels, int[] weights, bool post) =>
        AtusRubric.QuarterPoints(Levels(levels, post), weights) / 4m;

    private static int[] Levels(byte[] levels, bool post) => [.. levels.Skip(post ? 10 : 0).Take(10).Select(l => (int)l)];

    /// <summary>
    /// A record the shards did not even pass on ranked below the top of its (institution, sector)
    /// group; the smallest of the caps that size the group names the constraint.
    /// </summary>
    private static string GroupCap(RankingRunDefinition definition, ShardRow row)
    {
        var caps = new List<(int Cap, string Name)> { (definition.Policy.Quota ?? int.MaxValue, "quota") };
        if (definition.Policy.MaxPerInstitution is { } perInstitution)
        {
            caps.Add((perInstitution, "maxPerInstitution"));
        }

        var sectorMax = definition.Policy.SectorMax?
            .Where(p => Census.Domain.Validation.Names.Of(p.Key) == row.Sector)
            .Select(p => (int?)p.Value)
            .FirstOrDefault();
        if (sectorMax is { } max)
        {
            caps.Add((max, $"sectorMax.{row.Sector}"));
        }

        return caps.MinBy(c => c.Cap).Name;
    }
}
