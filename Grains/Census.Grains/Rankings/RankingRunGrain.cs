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
    private const int MaxAttempts = 5;
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

    async Task<Explanation?> IRankingRunGrain.Explain(string institutionId, string datasetId)
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
        if (await index.ReadRowAsync(definition.RoundId, institutionId, datasetId) is not { } row ||
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

        var binding = state.State.Binding.TryGetValue($"{institutionId}/{datasetId}", out var bound)
            ? bound
            : GroupCap(definition, row);
        return binding == "quota"
            ? new Explanation(false, null, post, now, "below-cut", $"Its post score {post} is below the cut of the {definition.Policy.Quota} selected.")
            : new Explanation(false, null, post, now, "constraint", $"Kept out by {binding}.");
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

    private void StartComputing()
    {
        if (_computing || state.State.Definition is null || state.State.State != RunState.Running)
        {
            return;
        }

        _computing = true;
        this.RegisterGrainTimer(ComputeAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private async Task ComputeAsync(CancellationToken cancellationToken)
    {
        var definition = state.State.Definition!;
        try
        {
            var request = new ShardRankRequest(definition.Weights, definition.Policy, definition.Frozen);
            var shards = await Task.WhenAll(Enumerable.Range(0, definition.ShardCount)
                .Select(shard => GrainFactory.GetGrain<IRoundShardGrain>($"{definition.RoundId}/{shard}").Rank(request)));
            var modalities = new Dictionary<string, Modality>(StringComparer.Ordinal);
            var candidates = new List<Candidate>();
            foreach (var record in shards.SelectMany(s => s.Candidates))
            {
                var candidate = new Candidate(record.InstitutionId, record.DatasetId, record.Sector, record.PostQuarterPoints, record.NowQuarterPoints);
                candidates.Add(candidate);
                modalities[candidate.Key] = record.Modality;
            }

            var result = ExactSelection.Solve(candidates, SelectionPolicies.ToConstraints(definition.Policy));
            state.State.Scored = shards.Sum(s => s.Scored);
            state.State.Eligible = shards.Sum(s => s.Eligible);
            state.State.TotalPostQuarterPoints = result.TotalPostQuarterPoints;
            state.State.Reason = result.Reason;
            state.State.Binding = new Dictionary<string, string>(result.Binding, StringComparer.Ordinal);
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
            // Left running: the resume reminder tries again, up to a limit.
            logger.LogWarning(e, "Ranking run {RoundId}/{RunId} failed an attempt", definition.RoundId, definition.RunId);
            if (++state.State.FailedAttempts >= MaxAttempts)
            {
                state.State.State = RunState.Failed;
                state.State.Reason = $"Gave up after {MaxAttempts} attempts: {e.GetType().Name}.";
                state.State.CompletedAt = clock.GetUtcNow();
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
        }
    }

    private RankingRun View()
    {
        var s = state.State;
        var d = s.Definition!;
        return new RankingRun(d.RunId, s.State, d.RubricVersion, d.StartedAt, s.CompletedAt, s.Scored, s.Eligible,
            s.TotalPostQuarterPoints / 4m, s.Reason, s.Selection);
    }

    private static decimal Score(byte[] levels, int[] weights, bool post) =>
        AtusRubric.QuarterPoints([.. levels.Skip(post ? 10 : 0).Take(10).Select(l => (int)l)], weights) / 4m;

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
