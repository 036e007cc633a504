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
    /// <summary>How long a cached round context is trusted without asking the round again.</summary>
    public static readonly TimeSpan ContextRefresh = TimeSpan.FromMinutes(1);

    private RoundWriteContext? _context;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private int _pushes;

    private string RoundId => this.GetPrimaryKeyString().Split('/')[0];

    private string InstitutionId => this.GetPrimaryKeyString().Split('/')[1];

    async Task<Assignment?> IAssignmentGrain.Get() =>
        await ContextAsync() is { Invited: true } ? await ViewAsync() : null;

    async Task<RoundWriteContext?> IAssignmentGrain.GetWriteContext() =>
        await ContextAsync() is { } context ? context with { Submissions = state.State.Submissions } : null;

    Task IAssignmentGrain.RoundChanged(RoundWriteContext context)
    {
        _context = context with { Invited = context.Invited && (_context?.Invited ?? true), InstitutionSector = _context?.InstitutionSector };
        _pushes++;
        return Task.CompletedTask;
    }

    // Records themselves are counted and listed from the survey index, never kept here: an
    // institution may report tens of thousands of datasets, and this state is written on every change.
    async Task IAssignmentGrain.DatasetWritten(int submissionsSeen, bool replayed)
    {
        // Only an open round's responses move. Writes and submissions are ordered by the submission
        // count the write saw, not by clocks of different silos: a replayed notice of a write made
        // before the latest submission must not reopen it; a write committing now always does.
        if (await ContextAsync() is not { State: RoundState.Open } ||
            (state.State.Status == AssignmentStatus.Submitted && replayed && submissionsSeen < state.State.Submissions))
        {
            return;
        }

        await MoveToAsync(AssignmentStatus.Responding, "responding");
    }

    async Task<Census.Contracts.Common.Page<Census.Contracts.Surveys.SurveyResponse>> IAssignmentGrain.ListRecords(int page, int pageSize, CancellationToken cancellationToken)
    {
        var rubric = (await ContextAsync())?.Rubric;
        var documents = await index.ListDocumentsAsync(RoundId, InstitutionId, page, pageSize, cancellationToken);
        var total = await index.CountAsync(RoundId, InstitutionId, cancellationToken);
        var items = rubric is null
            ? []
            : documents.Select(d => new Census.Contracts.Surveys.SurveyResponse(
                RoundId, InstitutionId, d.DatasetId, d.Revision, d.UpdatedAt, d.UpdatedBy, d.Record,
                Census.Domain.Rubric.AtusRubric.Score(d.Levels, rubric.Weights, rubric.Version))).ToList();
        return new Census.Contracts.Common.Page<Census.Contracts.Surveys.SurveyResponse>(items, page, pageSize, (int)Math.Min(int.MaxValue, total));
    }

    async Task<AssignmentSubmitResult> IAssignmentGrain.Submit(string actor)
    {
        // A submission is rare (about once per institution), so it asks the round itself rather than trusting the
        // cache: a close whose push this assignment missed must still refuse it.
        _fetchedAt = DateTimeOffset.MinValue;
        var context = await ContextAsync();
        switch (AssignmentRules.SubmitRefusal(context, clock.GetUtcNow()))
        {
            case AssignmentSubmitOutcome.RoundNotOpen:
                return new AssignmentSubmitResult(AssignmentSubmitOutcome.RoundNotOpen, await ViewAsync());
            case { } refusal:
                return new AssignmentSubmitResult(refusal, null);
        }

        if (state.State.Status != AssignmentStatus.Submitted)
        {
            state.State.SubmittedAt = clock.GetUtcNow();
            state.State.Submissions++;
            await MoveToAsync(AssignmentStatus.Submitted, "submitted by " + actor);
        }

        return new AssignmentSubmitResult(AssignmentSubmitOutcome.Submitted, await ViewAsync());
    }

    async Task<AssignmentAudit?> IAssignmentGrain.Audit(int page, int pageSize, CancellationToken cancellationToken)
    {
        if (await ContextAsync() is not { Invited: true })
        {
            return null;
        }

        var documents = await index.ListDocumentsAsync(RoundId, InstitutionId, page, pageSize, cancellationToken);
        var total = await index.CountAsync(RoundId, InstitutionId, cancellationToken);
        var records = new Census.Contracts.Common.Page<RecordChange>(
            [.. documents.Select(d => new RecordChange(d.DatasetId, d.Record.Title, d.Revision, d.UpdatedBy, d.UpdatedAt))],
            page, pageSize, (int)Math.Min(int.MaxValue, total));
        return new AssignmentAudit(RoundId, InstitutionId, [.. state.State.Audit.Select(AuditView)], state.State.DroppedAuditEntries, records);
    }

    /// <summary>
    /// A stored entry as the contract shows it. <see cref="MoveToAsync"/> keeps what happened in the entry's first
    /// field ("submitted by {actor}", or the status alone when a record write moved it) and the new status in its last.
    /// </summary>
    private static AssignmentAuditEntry AuditView(AuditEntry entry)
    {
        const string submittedBy = "submitted by ";
        var actor = entry.Actor.StartsWith(submittedBy, StringComparison.Ordinal) ? entry.Actor[submittedBy.Length..] : null;
        var status = Enum.GetValues<AssignmentStatus>().FirstOrDefault(s => Names.Of(s) == entry.Action);
        return new AssignmentAuditEntry(entry.At, actor, status);
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
        state.State.DroppedAuditEntries += AuditRetention.Append(state.State.Audit, new AuditEntry(clock.GetUtcNow(), action, Names.Of(to)));
        await state.WriteOrRollBackAsync(this);
        await GrainFactory.GetGrain<ICensusRoundGrain>(RoundId).AssignmentStatusChanged(InstitutionId, to);
    }

    /// <summary>
    /// The round's write context for this institution. Pushes keep it exact; it is also re-read from
    /// the round at least every <see cref="ContextRefresh"/>, so a push that failed is repaired, and
    /// each re-read reports this assignment's status to the round so its counters cannot drift.
    /// A missing institution is never cached: it may be registered a moment later.
    /// </summary>
    private async Task<RoundWriteContext?> ContextAsync()
    {
        if (_context is not null && clock.GetUtcNow() - _fetchedAt < ContextRefresh)
        {
            return _context;
        }

        var pushesBefore = _pushes;
        var round = GrainFactory.GetGrain<ICensusRoundGrain>(RoundId);
        var fromRound = await round.Subscribe(InstitutionId);
        if (fromRound is null)
        {
            return _context = null;
        }

        // An invitation needs a registered institution; its sector is a record's default sector.
        var institution = await GrainFactory.GetGrain<IInstitutionGrain>(InstitutionId).Get();
        var invited = fromRound.Invited && institution is not null;

        // A RoundChanged that interleaved while we were asking is newer than what Subscribe returned.
        var latest = _pushes != pushesBefore && _context is not null ? _context : fromRound;
        _context = latest with { Invited = invited, InstitutionSector = institution?.Sector };
        _fetchedAt = institution is null ? DateTimeOffset.MinValue : clock.GetUtcNow();
        if (state.State.Status is { } status)
        {
            await round.AssignmentStatusChanged(InstitutionId, status);
        }

        return _context;
    }
}
