using Census.Contracts.Exports;
using Census.Contracts.Ledger;
using Census.Domain.Exports;
using Census.Domain.Validation;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Exports;

/// <summary>
/// One export request (key: the export id). Every change is stored first, with the ledger events it owes and the
/// lists still to be told; then the events are appended to the dataset's ledger and the requester's list and the
/// status queues are told. What fails there stays owed and is retried on the next call, on activation, and by a
/// timer while anything is owed — the export's answer never waits for the ledger to be reachable.
/// </summary>
[GrainType("export-request")]
public sealed class ExportRequestGrain(
    [PersistentState("export", StorageNames.Census)] IPersistentState<ExportRequestState> state,
    TimeProvider clock,
    ILogger<ExportRequestGrain> logger) : Grain, IExportRequestGrain
{
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(30);

    private IGrainTimer? _retry;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => TellAsync();

    async Task<ExportRequest> IExportRequestGrain.Submit(ExportRequest request)
    {
        if (state.State.Request is { } stored)
        {
            return stored;
        }

        if (request.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Export '{request.Id}' submitted on grain '{this.GetPrimaryKeyString()}'.", nameof(request));
        }

        state.State.Request = request;
        state.State.Owed.Add(ExportEvents.Requested(request));
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Export {Export} submitted by {Requester}: checks {Outcome}", request.Id, request.RequesterId, Names.Of(request.Checks.Outcome));
        await TellAsync();
        return request;
    }

    Task<ExportRequest?> IExportRequestGrain.Get() => Task.FromResult(state.State.Request);

    async Task<ExportDecisionResult> IExportRequestGrain.Decide(CheckerDecision decision)
    {
        await TellAsync();
        if (state.State.Request is not { } request)
        {
            return new ExportDecisionResult(ExportDecisionOutcome.NotFound, null, "No such export.");
        }

        var result = ExportRules.Decide(request, decision, clock.GetUtcNow());
        if (result.Outcome != ExportDecisionOutcome.Decided)
        {
            return result;
        }

        var decided = result.Request!;
        state.State.Request = decided;
        state.State.Owed.Add(ExportEvents.Decided(decided, decided.Decisions[^1]));
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Export {Export} {Verdict} by {Checker}: now {Status}",
            decided.Id, Names.Of(decision.Verdict), decision.Checker.Id, Names.Of(decided.Status));
        await TellAsync();
        return result;
    }

    async Task IExportRequestGrain.RefuseDownload(Census.Contracts.Principals.PrincipalRef caller, string path, string reason, string actor)
    {
        if (state.State.Request is not { } request)
        {
            return;
        }

        state.State.RefusedDownloads++;
        state.State.Owed.Add(ExportEvents.DownloadRefused(request, caller, actor, path, reason, state.State.RefusedDownloads, clock.GetUtcNow()));
        await state.WriteOrRollBackAsync(this);
        await TellAsync();
    }

    /// <summary>Appends what the ledger is owed and tells the lists what changed; whatever fails stays owed and is retried.</summary>
    private async Task TellAsync()
    {
        if (state.State.Request is not { } request)
        {
            return;
        }

        var told = await AppendOwedAsync(request) | await TellListsAsync(request);
        if (told)
        {
            try
            {
                await state.WriteOrRollBackAsync(this);
            }
            catch (Exception e)
            {
                // The change itself is already stored; forgetting what was told only means telling it again, which the
                // ledger (by event id) and the lists (by export id) take once.
                logger.LogWarning(e, "Export {Export}: what was told could not be stored; told again later", request.Id);
            }
        }

        var owing = state.State.Owed.Count > 0 || state.State.Listed != ExportRules.Summary(request);
        if (owing && _retry is null)
        {
            _retry = this.RegisterGrainTimer(_ => TellAsync(), new GrainTimerCreationOptions(RetryPeriod, RetryPeriod) { KeepAlive = true });
        }
        else if (!owing && _retry is not null)
        {
            _retry.Dispose();
            _retry = null;
        }
    }

    /// <summary>Appends the owed events in order, stopping at the first that fails; true when any was appended.</summary>
    private async Task<bool> AppendOwedAsync(ExportRequest request)
    {
        var appended = false;
        while (state.State.Owed.Count > 0)
        {
            try
            {
                await GrainFactory.GetGrain<ILedgerGrain>(ExportEvents.LedgerKey(request)).Append(state.State.Owed[0]);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Export {Export}: event {Event} not yet on the ledger; retried later", request.Id, state.State.Owed[0].Id);
                return appended;
            }

            state.State.Owed.RemoveAt(0);
            appended = true;
        }

        return appended;
    }

    /// <summary>Tells the requester's list and the status queues the current summary; true when they now hold it.</summary>
    private async Task<bool> TellListsAsync(ExportRequest request)
    {
        var current = ExportRules.Summary(request);
        var listed = state.State.Listed;
        if (listed == current)
        {
            return false;
        }

        try
        {
            await GrainFactory.GetGrain<IRequesterExportsGrain>(request.RequesterId).Upsert(current);
            await Queue(current.Status).Add(current);
            if (listed is not null && ExportRules.QueueOf(listed.Status) != ExportRules.QueueOf(current.Status))
            {
                await Queue(listed.Status).Remove(request.Id);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Export {Export}: lists not yet told; retried later", request.Id);
            return false;
        }

        state.State.Listed = current;
        return true;
    }

    private IExportQueueGrain Queue(ExportStatus status) => GrainFactory.GetGrain<IExportQueueGrain>(ExportRules.QueueOf(status));
}
