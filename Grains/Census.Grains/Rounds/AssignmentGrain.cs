using Census.Contracts.Institutions;
using Census.Contracts.Rounds;
using Census.Domain.Rounds;
using Census.Domain.Validation;
using Census.Grains.Surveys;
using Census.Grains.Storage;

namespace Census.Grains.Rounds;

/// <summary>
/// An institution's response to a round. It also caches the round's write context for that
/// institution's dataset grains: asked once from the round, then kept current by the round's pushes.
/// </summary>
[GrainType("assignment")]
public sealed class AssignmentGrain(
    [PersistentState("assignment", StorageNames.Census)] IPersistentState<AssignmentState> state,
    ISurveyIndex index,
    TimeProvider clock) : Grain, IAssignmentGrain
{
    private RoundWriteContext? _context;
    private bool _subscribed;

    private string RoundId => this.GetPrimaryKeyString().Split('/')[0];

    private string InstitutionId => this.GetPrimaryKeyString().Split('/')[1];

    async Task<Assignment?> IAssignmentGrain.Get() =>
        await ContextAsync() is { Invited: true } ? await ViewAsync() : null;

    Task<RoundWriteContext?> IAssignmentGrain.GetWriteContext() => ContextAsync();

    Task IAssignmentGrain.RoundChanged(RoundWriteContext context)
    {
        _context = context with { Invited = context.Invited && (_context?.Invited ?? true), InstitutionSector = _context?.InstitutionSector };
        return Task.CompletedTask;
    }

    // Records themselves are counted and listed from the survey index, never kept here: an
    // institution may report tens of thousands of datasets, and this state is written on every change.
    Task IAssignmentGrain.DatasetWritten(DateTimeOffset writtenAt) =>
        state.State.Status == AssignmentStatus.Submitted && writtenAt <= state.State.SubmittedAt
            ? Task.CompletedTask
            : MoveToAsync(AssignmentStatus.Responding, "responding");

    async Task<Census.Contracts.Common.Page<string>> IAssignmentGrain.ListDatasets(int page, int pageSize)
    {
        var ids = await index.ListDatasetsAsync(RoundId, InstitutionId, page, pageSize);
        var total = await index.CountAsync(RoundId, InstitutionId);
        return new Census.Contracts.Common.Page<string>(ids, page, pageSize, (int)Math.Min(int.MaxValue, total));
    }

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
            return new AssignmentSubmitResult(AssignmentSubmitOutcome.RoundNotOpen, await ViewAsync());
        }

        if (state.State.Status != AssignmentStatus.Submitted)
        {
            state.State.SubmittedAt = clock.GetUtcNow();
            await MoveToAsync(AssignmentStatus.Submitted, "submitted by " + actor);
        }

        return new AssignmentSubmitResult(AssignmentSubmitOutcome.Submitted, await ViewAsync());
    }

    private async Task<Assignment> ViewAsync() => new(
        RoundId, InstitutionId, state.State.Status ?? AssignmentStatus.Invited,
        (int)Math.Min(int.MaxValue, await index.CountAsync(RoundId, InstitutionId)), state.State.SubmittedAt);

    private async Task MoveToAsync(AssignmentStatus to, string action)
    {
        var from = state.State.Status;
        if (from == to)
        {
            return;
        }

        state.State.Status = to;
        state.State.Audit.Add(new AuditEntry(clock.GetUtcNow(), action, Names.Of(to)));
        await state.WriteOrRollBackAsync(this);
        await GrainFactory.GetGrain<ICensusRoundGrain>(RoundId).AssignmentStatusChanged(InstitutionId, from, to);
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
