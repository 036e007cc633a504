using Census.Contracts.Institutions;
using Census.Contracts.Rounds;
using Census.Domain.Rounds;
using Census.Domain.Validation;
using Census.Grains.Storage;

namespace Census.Grains.Rounds;

/// <summary>
/// An institution's response to a round. It also caches the round's write context for that
/// institution's dataset grains: asked once from the round, then kept current by the round's pushes.
/// </summary>
[GrainType("assignment")]
public sealed class AssignmentGrain(
    [PersistentState("assignment", StorageNames.Census)] IPersistentState<AssignmentState> state,
    TimeProvider clock) : Grain, IAssignmentGrain
{
    private RoundWriteContext? _context;
    private bool _subscribed;

    private string RoundId => this.GetPrimaryKeyString().Split('/')[0];

    private string InstitutionId => this.GetPrimaryKeyString().Split('/')[1];

    async Task<Assignment?> IAssignmentGrain.Get() =>
        await ContextAsync() is { Invited: true } ? View() : null;

    Task<RoundWriteContext?> IAssignmentGrain.GetWriteContext() => ContextAsync();

    Task IAssignmentGrain.RoundChanged(RoundWriteContext context)
    {
        _context = context with { Invited = context.Invited && (_context?.Invited ?? true), InstitutionSector = _context?.InstitutionSector };
        return Task.CompletedTask;
    }

    async Task IAssignmentGrain.DatasetWritten(string datasetId)
    {
        var added = state.State.Datasets.Add(datasetId);
        var moved = await MoveToAsync(AssignmentStatus.Responding, "responding", persist: false);
        if (added || moved)
        {
            await state.WriteOrRollBackAsync(this);
        }
    }

    async Task IAssignmentGrain.DatasetWithdrawn(string datasetId)
    {
        if (state.State.Datasets.Remove(datasetId))
        {
            await state.WriteOrRollBackAsync(this);
        }
    }

    Task<Census.Contracts.Common.Page<string>> IAssignmentGrain.ListDatasets(int page, int pageSize) =>
        Task.FromResult(new Census.Contracts.Common.Page<string>(
            Paging.Slice(state.State.Datasets, page, pageSize).ToList(), page, pageSize, state.State.Datasets.Count));

    async Task<AssignmentSubmitResult> IAssignmentGrain.Submit(string actor)
    {
        var context = await ContextAsync();
        if (context is null)
        {
            return new AssignmentSubmitResult(AssignmentSubmitOutcome.RoundNotFound, null);
        }

        if (!context.Invited)
        {
            return new AssignmentSubmitResult(AssignmentSubmitOutcome.NotInvited, null);
        }

        if (!RoundRules.AcceptsWrites(context.State, context.Deadline, clock.GetUtcNow()))
        {
            return new AssignmentSubmitResult(AssignmentSubmitOutcome.RoundNotOpen, View());
        }

        if (state.State.Status != AssignmentStatus.Submitted)
        {
            state.State.SubmittedAt = clock.GetUtcNow();
            await MoveToAsync(AssignmentStatus.Submitted, "submitted by " + actor, persist: true);
        }

        return new AssignmentSubmitResult(AssignmentSubmitOutcome.Submitted, View());
    }

    private Assignment View() => new(
        RoundId, InstitutionId, state.State.Status ?? AssignmentStatus.Invited, state.State.Datasets.Count, state.State.SubmittedAt);

    private async Task<bool> MoveToAsync(AssignmentStatus to, string action, bool persist)
    {
        var from = state.State.Status;
        if (from == to)
        {
            return false;
        }

        state.State.Status = to;
        state.State.Audit.Add(new AuditEntry(clock.GetUtcNow(), action, Names.Of(to)));
        if (persist)
        {
            await state.WriteOrRollBackAsync(this);
        }

        await GrainFactory.GetGrain<ICensusRoundGrain>(RoundId).AssignmentStatusChanged(InstitutionId, from, to);
        return true;
    }

    private async Task<RoundWriteContext?> ContextAsync()
    {
        if (_subscribed)
        {
            return _context;
        }

        var fromRound = await GrainFactory.GetGrain<ICensusRoundGrain>(RoundId).Subscribe(InstitutionId);
        if (fromRound is not null)
        {
            // An invitation needs a registered institution; its sector is a record's default sector.
            var institution = await GrainFactory.GetGrain<IInstitutionGrain>(InstitutionId).Get();
            fromRound = fromRound with
            {
                Invited = fromRound.Invited && institution is not null,
                InstitutionSector = institution?.Sector,
            };
        }

        // A RoundChanged that interleaved while we were asking is newer than what Subscribe returned.
        if (!_subscribed)
        {
            _context = _context is null || fromRound is null ? fromRound : _context with { Invited = fromRound.Invited, InstitutionSector = fromRound.InstitutionSector };
            _subscribed = fromRound is not null;
        }

        return _context;
    }
}
