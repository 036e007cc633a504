using Census.Contracts.Institutions;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Domain.Rounds;
using Census.Grains.Storage;
using Census.Grains.Surveys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Census.Grains.Rounds;

/// <summary>
/// One census round: lifecycle, rubric versions, invitations and progress. It is deliberately off the
/// survey write path: assignment grains cache its write context and are told of every change, so a
/// million records never queue on this one activation.
/// </summary>
[GrainType("census-round")]
public sealed class CensusRoundGrain(
    [PersistentState("round", StorageNames.Census)] IPersistentState<CensusRoundState> state,
    ISurveyIndex index,
    IOptions<RoundOptions> options,
    IOptions<Orleans.Hosting.ReminderOptions> reminderOptions,
    TimeProvider clock,
    ILogger<CensusRoundGrain> logger) : Grain, ICensusRoundGrain, IRemindable
{
    private const string DeadlineReminder = "deadline";

    /// <summary>How often, at most, the progress counters are written after assignments report statuses.</summary>
    public static readonly TimeSpan ProgressFlushPeriod = TimeSpan.FromSeconds(5);

    /// <summary>How long the count of registered institutions (a round inviting all of them) is reused.</summary>
    public static readonly TimeSpan RegisteredCountRefresh = TimeSpan.FromSeconds(30);

    private bool _progressDirty;
    private IGrainTimer? _progressFlush;
    private int? _registeredCount;
    private DateTimeOffset _registeredCountAt;

    private string Id => this.GetPrimaryKeyString();

    private bool Exists => state.State.Id is not null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-arm the deadline (local mode keeps reminders in memory), and close a round whose deadline
        // passed while the cluster was down.
        if (Exists)
        {
            // Repairs the registry if a crash fell between this round's own write and the registry's.
            await GrainFactory.GetGrain<IRoundRegistryGrain>(IRoundRegistryGrain.Key).SetOpen(Id, state.State.State == RoundState.Open);
        }

        if (Exists && state.State.State is RoundState.Closed or RoundState.Finalized)
        {
            // The index's gate is closed before the round's state says closed; closing it again is idempotent
            // and repairs an index restored from before the close.
            await index.CloseRoundAsync(Id, cancellationToken);

            // A round closed before runs were counted at close: no run it already has is known to be later.
            state.State.RunsStartedAtClose ??= state.State.Runs.Count;
        }

        if (Exists && state.State.State == RoundState.Finalized && !state.State.CasesOpened)
        {
            // Finalization was stored but a crash fell before every case was opened: opening is idempotent.
            await OpenCasesAsync("system:finalize-repair");
        }

        if (Exists && state.State.State == RoundState.Open)
        {
            if (clock.GetUtcNow() >= state.State.Deadline)
            {
                await CloseAsync("system:deadline");
            }
            else
            {
                await ArmDeadlineAsync();
            }
        }
    }

    async Task<RoundCommandResult> ICensusRoundGrain.Create(RoundDefinition definition, string actor)
    {
        if (Exists)
        {
            // Listing is idempotent: a retry after a failure between the two writes completes it.
            await GrainFactory.GetGrain<IRoundRegistryGrain>(IRoundRegistryGrain.Key).Add(Id);
            return new RoundCommandResult(RoundOutcome.AlreadyExists, await ViewAsync(), $"A round with id '{Id}' already exists.");
        }

        var now = clock.GetUtcNow();
        var s = state.State;
        s.Id = Id;
        s.Title = definition.Title!.Trim();
        s.State = RoundState.Draft;
        s.Deadline = definition.Deadline!.Value.ToUniversalTime();
        s.Selection = definition.Selection!;
        s.RubricVersions = [new RubricVersionEntry(1, definition.Weights ?? RubricWeights.Default, now, actor)];
        s.Institutions = definition.Institutions?.ToList();
        s.ShardCount = options.Value.ShardCount;
        s.CreatedAt = now;
        Audit(now, actor, "created");
        await WriteAsync();
        await GrainFactory.GetGrain<IRoundRegistryGrain>(IRoundRegistryGrain.Key).Add(Id);
        logger.LogInformation("Round {RoundId} created by {Actor}", Id, actor);
        return new RoundCommandResult(RoundOutcome.Created, await ViewAsync(), null);
    }

    async Task<Round?> ICensusRoundGrain.Get() => Exists ? await ViewAsync() : null;

    async Task<RoundCommandResult> ICensusRoundGrain.Open(string actor)
    {
        if (Refuse(RoundState.Open) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        if (now >= state.State.Deadline)
        {
            return new RoundCommandResult(RoundOutcome.WrongState, await ViewAsync(), "The round's deadline has already passed.");
        }

        state.State.State = RoundState.Open;
        state.State.OpenedAt = now;
        Audit(now, actor, "opened");
        await WriteAsync();
        await GrainFactory.GetGrain<IRoundRegistryGrain>(IRoundRegistryGrain.Key).SetOpen(Id, true);
        await ArmDeadlineAsync();
        await NotifySubscribersAsync();
        logger.LogInformation("Round {RoundId} opened by {Actor}", Id, actor);
        return new RoundCommandResult(RoundOutcome.Ok, await ViewAsync(), null);
    }

    async Task<RoundCommandResult> ICensusRoundGrain.Close(string actor)
    {
        if (Refuse(RoundState.Closed) is { } refusal)
        {
            return refusal;
        }

        await CloseAsync(actor);
        return new RoundCommandResult(RoundOutcome.Ok, await ViewAsync(), null);
    }

    async Task<RoundCommandResult> ICensusRoundGrain.SetWeights(RubricWeights weights, string actor)
    {
        if (!Exists)
        {
            return new RoundCommandResult(RoundOutcome.NotFound, null, $"No round with id '{Id}'.");
        }

        if (!RoundRules.CanChangeRubric(state.State.State))
        {
            return new RoundCommandResult(RoundOutcome.WrongState, await ViewAsync(), "A finalized round's rubric cannot change.");
        }

        var now = clock.GetUtcNow();
        var version = state.State.RubricVersions[^1].Version + 1;
        state.State.RubricVersions.Add(new RubricVersionEntry(version, weights, now, actor));
        Audit(now, actor, $"rubric v{version}");
        await WriteAsync();
        await NotifySubscribersAsync();
        return new RoundCommandResult(RoundOutcome.Ok, await ViewAsync(), null);
    }

    async Task<bool> ICensusRoundGrain.IsInvited(string institutionId) =>
        Exists && await IsInvitedAsync(institutionId);

    async Task<RoundWriteContext?> ICensusRoundGrain.Subscribe(string institutionId)
    {
        if (!Exists)
        {
            return null;
        }

        // Only an invited institution's assignment is told of changes: an uninvited one refuses every
        // write whatever the round's state. Recording any id asked about would let a refused request
        // (a mistyped institution in the path) write the round's state, and grow it without bound.
        var invited = await IsInvitedAsync(institutionId);
        if (invited && state.State.Subscribers.Add(institutionId))
        {
            await WriteAsync();
        }

        return WriteContext(invited);
    }

    async Task<StartRankingResult> ICensusRoundGrain.StartRanking(int? rubricVersion, string actor)
    {
        if (!Exists)
        {
            return new StartRankingResult(StartRankingOutcome.RoundNotFound, null, $"No round with id '{Id}'.");
        }

        if (!RoundRules.CanRank(state.State.State))
        {
            return new StartRankingResult(StartRankingOutcome.WrongState, null,
                $"A {Names(state.State.State)} round cannot be ranked; it must be open or closed.");
        }

        var rubric = rubricVersion is { } wanted
            ? state.State.RubricVersions.Find(v => v.Version == wanted)
            : state.State.RubricVersions[^1];
        if (rubric is null)
        {
            return new StartRankingResult(StartRankingOutcome.UnknownRubricVersion, null,
                $"Round '{Id}' has no rubric version {rubricVersion}; it has 1 to {state.State.RubricVersions[^1].Version}.");
        }

        var now = clock.GetUtcNow();
        var runId = $"run-{state.State.Runs.Count + 1}";
        state.State.Runs.Add(runId);
        Audit(now, actor, $"ranking {runId} with rubric v{rubric.Version}");
        await WriteAsync();

        // A closed round's index cannot change: its shards may keep their rows between runs.
        var definition = new Census.Contracts.Rankings.RankingRunDefinition(
            Id, runId, rubric.Version, rubric.Weights, state.State.Selection,
            state.State.ShardCount, Frozen: state.State.State == RoundState.Closed, now, actor);
        var run = await GrainFactory.GetGrain<Census.Contracts.Rankings.IRankingRunGrain>($"{Id}/{runId}").Start(definition);
        return new StartRankingResult(StartRankingOutcome.Started, run, null);
    }

    async Task<RoundCommandResult> ICensusRoundGrain.Finalize(string runId, string actor)
    {
        if (Refuse(RoundState.Finalized) is { } refusal)
        {
            return refusal;
        }

        var runNumber = state.State.Runs.IndexOf(runId) + 1;
        if (runNumber == 0)
        {
            return new RoundCommandResult(RoundOutcome.NotFound, null, $"Round '{Id}' has no ranking run '{runId}'.");
        }

        var startedAtClose = state.State.RunsStartedAtClose ?? state.State.Runs.Count;
        if (!RoundRules.CanFinalizeWith(runNumber, startedAtClose))
        {
            return new RoundCommandResult(RoundOutcome.WrongState, await ViewAsync(),
                $"Run '{runId}' started before the round closed; only a run started after the close can be finalized. Start a new ranking run.");
        }

        var selection = await GrainFactory.GetGrain<Census.Contracts.Rankings.IRankingRunGrain>($"{Id}/{runId}").CompletedSelection();
        if (selection is null)
        {
            return new RoundCommandResult(RoundOutcome.WrongState, await ViewAsync(), $"Run '{runId}' has not completed with a selection.");
        }

        var now = clock.GetUtcNow();
        state.State.State = RoundState.Finalized;
        state.State.FinalSelection = [.. selection];
        state.State.FinalRunId = runId;
        state.State.FinalizedAt = now;
        Audit(now, actor, $"finalized with {runId}");
        await WriteAsync();
        await NotifySubscribersAsync();
        await OpenCasesAsync(actor);
        return new RoundCommandResult(RoundOutcome.Ok, await ViewAsync(), null);
    }

    /// <summary>
    /// Hands the final selection to the round's case opener (provision.md §1: a processing case per selected dataset),
    /// which opens the cases in its own turns: reading a record may ask this round for its write context.
    /// </summary>
    private async Task OpenCasesAsync(string actor)
    {
        var run = await GrainFactory.GetGrain<Census.Contracts.Rankings.IRankingRunGrain>($"{Id}/{state.State.FinalRunId}").Get();
        var rubric = state.State.RubricVersions.First(v => v.Version == (run?.RubricVersion ?? state.State.RubricVersions[^1].Version));
        var plan = new Census.Contracts.Provision.CaseOpeningPlan(
            rubric.Version, rubric.Weights, DateOnly.FromDateTime(state.State.Deadline.UtcDateTime), state.State.FinalSelection ?? [], actor);
        await GrainFactory.GetGrain<Census.Contracts.Provision.ICaseOpenerGrain>(Id).Open(plan);
        state.State.CasesOpened = true;
        await WriteAsync();
    }

    Task<IReadOnlyList<Census.Contracts.Rankings.SelectedRecord>?> ICensusRoundGrain.Selection() =>
        Task.FromResult<IReadOnlyList<Census.Contracts.Rankings.SelectedRecord>?>(state.State.FinalSelection);

    async Task<Census.Contracts.Reports.RoundReport?> ICensusRoundGrain.Report(CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return null;
        }

        // The registry holds about 2,000 institutions: read it whole, a page at a time.
        var registry = GrainFactory.GetGrain<IInstitutionRegistryGrain>(IInstitutionRegistryGrain.Key);
        var registered = new List<Institution>();
        for (var page = 1; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await registry.List(new InstitutionQuery(null, null, page, Census.Domain.Validation.Paging.MaxPageSize));
            registered.AddRange(batch.Items);
            if (batch.Items.Count < batch.PageSize)
            {
                break;
            }
        }

        var explicitList = state.State.Institutions?.ToHashSet(StringComparer.Ordinal);
        var byId = registered.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var institutions = (explicitList is null ? registered.Select(i => i.Id) : explicitList)
            .Select(id => new Census.Domain.Reports.ReportInstitution(
                id,
                byId.GetValueOrDefault(id)?.Name,
                byId.GetValueOrDefault(id)?.Sector,
                Invited: byId.ContainsKey(id),
                state.State.Statuses.TryGetValue(id, out var status) ? status : null));
        var rubric = state.State.RubricVersions[^1];
        var cells = await index.ReportCellsAsync(Id, rubric.Weights.ToArray(), cancellationToken);
        return Census.Domain.Reports.RoundReports.Build(Id, rubric.Version, cells, institutions, state.State.FinalSelection);
    }

    Task ICensusRoundGrain.AssignmentStatusChanged(string institutionId, AssignmentStatus status)
    {
        if (!Exists || (state.State.Statuses.TryGetValue(institutionId, out var current) && current == status))
        {
            return Task.CompletedTask;
        }

        // Kept in memory and written by a timer: an agency alternating edits and submissions would otherwise
        // rewrite this round's whole state on every edit. A crash loses at most the last few seconds of statuses,
        // and each assignment reports its status again whenever it re-reads its context.
        state.State.Statuses[institutionId] = status;
        _progressDirty = true;
        _progressFlush ??= this.RegisterGrainTimer(FlushProgressAsync, ProgressFlushPeriod, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_progressDirty)
        {
            await FlushProgressAsync(cancellationToken);
        }
    }

    private async Task FlushProgressAsync(CancellationToken cancellationToken)
    {
        _progressFlush?.Dispose();
        _progressFlush = null;
        if (!_progressDirty)
        {
            return;
        }

        try
        {
            await WriteAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The stored progress stays as it was; assignments report their statuses again on their next re-read.
            logger.LogWarning(e, "Round {RoundId} could not write its progress", Id);
        }
    }

    /// <summary>Every write of the round's state carries the progress kept in memory since the last one.</summary>
    private Task WriteAsync()
    {
        // A failed write reloads the stored state: the statuses kept in memory are then gone until re-reported.
        _progressDirty = false;
        return state.WriteOrRollBackAsync(this);
    }

    private void Audit(DateTimeOffset at, string actor, string action) =>
        state.State.DroppedAuditEntries += AuditRetention.Append(state.State.Audit, new AuditEntry(at, actor, action));

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminder)
        {
            return;
        }

        if (Exists && state.State.State == RoundState.Open && clock.GetUtcNow() >= state.State.Deadline)
        {
            await CloseAsync("system:deadline");
        }
        else if (!Exists || state.State.State != RoundState.Open)
        {
            await UnregisterDeadlineAsync();
        }
    }

    private async Task CloseAsync(string actor)
    {
        // The index refuses this round's writes before the round says closed: a crash between the two leaves a
        // round that refuses writes, never a closed round that takes them.
        await index.CloseRoundAsync(Id);
        var now = clock.GetUtcNow();
        state.State.State = RoundState.Closed;
        state.State.ClosedAt = now;
        state.State.RunsStartedAtClose = state.State.Runs.Count;
        Audit(now, actor, "closed");
        await WriteAsync();
        await GrainFactory.GetGrain<IRoundRegistryGrain>(IRoundRegistryGrain.Key).SetOpen(Id, false);
        await UnregisterDeadlineAsync();
        await NotifySubscribersAsync();
        logger.LogInformation("Round {RoundId} closed by {Actor}", Id, actor);
    }

    private RoundCommandResult? Refuse(RoundState to)
    {
        if (!Exists)
        {
            return new RoundCommandResult(RoundOutcome.NotFound, null, $"No round with id '{Id}'.");
        }

        return RoundRules.CanMove(state.State.State, to)
            ? null
            : new RoundCommandResult(RoundOutcome.WrongState, null,
                $"A {Names(state.State.State)} round cannot become {Names(to)}.");
    }

    private static string Names(RoundState s) => Census.Domain.Validation.Names.Of(s);

    private async Task<bool> IsInvitedAsync(string institutionId)
    {
        if (state.State.Institutions is { } invited)
        {
            return invited.Contains(institutionId, StringComparer.Ordinal);
        }

        return await GrainFactory.GetGrain<IInstitutionGrain>(institutionId).Get() is not null;
    }

    private RoundWriteContext WriteContext(bool invited)
    {
        var rubric = state.State.RubricVersions[^1];
        return new RoundWriteContext(
            Id, state.State.State, state.State.Deadline, state.State.ShardCount,
            new RubricVersion(rubric.Version, rubric.Weights), invited, InstitutionSector: null);
    }

    /// <summary>
    /// Tells every subscribed assignment (at most one per institution) of the new state or rubric.
    /// The call interleaves on the assignment side, so it cannot deadlock with an assignment that
    /// is itself calling this grain.
    /// </summary>
    private async Task NotifySubscribersAsync()
    {
        var subscribers = state.State.Subscribers.ToList();
        var tasks = new List<Task>(subscribers.Count);
        foreach (var institutionId in subscribers)
        {
            var invited = state.State.Institutions is null || state.State.Institutions.Contains(institutionId, StringComparer.Ordinal);
            tasks.Add(GrainFactory.GetGrain<IAssignmentGrain>($"{Id}/{institutionId}").RoundChanged(WriteContext(invited)));
        }

        await Task.WhenAll(tasks);
    }

    private async Task ArmDeadlineAsync()
    {
        var due = state.State.Deadline - clock.GetUtcNow();
        var period = options.Value.DeadlineCheckPeriod;
        var minimum = reminderOptions.Value.MinimumReminderPeriod;
        await this.RegisterOrUpdateReminder(
            DeadlineReminder,
            due < TimeSpan.Zero ? TimeSpan.Zero : due,
            period < minimum ? minimum : period);
    }

    private async Task UnregisterDeadlineAsync()
    {
        if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// The number of registered institutions, for a round that invites them all: asked of the registry at most
    /// every <see cref="RegisteredCountRefresh"/>, so reading a round does not read the registry every time.
    /// </summary>
    private async Task<int> RegisteredCountAsync()
    {
        var now = clock.GetUtcNow();
        if (_registeredCount is { } cached && now - _registeredCountAt < RegisteredCountRefresh)
        {
            return cached;
        }

        var total = (await GrainFactory.GetGrain<IInstitutionRegistryGrain>(IInstitutionRegistryGrain.Key)
            .List(new InstitutionQuery(null, null, 1, 1))).Total;
        (_registeredCount, _registeredCountAt) = (total, now);
        return total;
    }

    private async Task<Round> ViewAsync()
    {
        var s = state.State;
        var invited = s.Institutions?.Count ?? await RegisteredCountAsync();
        var datasets = s.State == RoundState.Draft ? 0 : await index.CountAsync(Id);
        var rubric = s.RubricVersions[^1];
        return new Round(
            Id, s.Title, s.State, s.Deadline, s.Selection,
            new RubricVersion(rubric.Version, rubric.Weights),
            new RoundProgress(
                invited,
                s.Statuses.Count(p => p.Value == AssignmentStatus.Responding),
                s.Statuses.Count(p => p.Value == AssignmentStatus.Submitted),
                datasets),
            s.CreatedAt, s.OpenedAt, s.ClosedAt, s.Institutions, s.ShardCount)
        {
            FinalizedAt = s.FinalizedAt,
            FinalRunId = s.FinalRunId,
        };
    }
}
