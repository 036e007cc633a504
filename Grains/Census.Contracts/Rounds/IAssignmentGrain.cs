namespace Census.Contracts.Rounds;

/// <summary>An institution's response to a round. Key: <c>{roundId}/{institutionId}</c>.</summary>
[Alias("census.IAssignmentGrain")]
public interface IAssignmentGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<Assignment?> Get();

    /// <summary>The round as a write needs it; null when the round does not exist.</summary>
    [Alias("GetWriteContext")]
    Task<RoundWriteContext?> GetWriteContext();

    /// <summary>
    /// Pushed by the round grain whenever its state or rubric changes. It interleaves: it only replaces
    /// a cached value, and the round calls it while the assignment may itself be waiting on the round.
    /// </summary>
    [Alias("RoundChanged"), Orleans.Concurrency.AlwaysInterleave]
    Task RoundChanged(RoundWriteContext context);

    /// <summary>
    /// A record was written or withdrawn by a write that saw <paramref name="submissionsSeen"/> submissions
    /// in its write context (<see cref="RoundWriteContext.Submissions"/>): the institution is responding.
    /// A notice sent as the write commits (<paramref name="replayed"/> false) reopens a submitted response:
    /// the record changed after the submission, or while it was being made. A replayed notice (an
    /// idempotent retry, a repair) reopens it only if the write saw the latest submission, so a write
    /// made before a submission never reopens it, whatever the clocks of the silos say. Idempotent.
    /// </summary>
    [Alias("DatasetWritten.v2")]
    Task DatasetWritten(int submissionsSeen, bool replayed);

    /// <summary>
    /// A page of the records reported in this round (not withdrawn), ordered by dataset id, scored under
    /// the round's current rubric: read from the survey index, waking no dataset grain.
    /// </summary>
    [Alias("ListRecords")]
    Task<Census.Contracts.Common.Page<Census.Contracts.Surveys.SurveyResponse>> ListRecords(int page, int pageSize, CancellationToken cancellationToken = default);

    [Alias("Submit")]
    Task<AssignmentSubmitResult> Submit(string actor);

    /// <summary>
    /// The response's audit: the assignment's status changes and a page of its records' latest changes (from the
    /// survey index, waking no dataset grain). Null when the round does not exist or does not invite the institution.
    /// </summary>
    [Alias("Audit")]
    Task<AssignmentAudit?> Audit(int page, int pageSize, CancellationToken cancellationToken = default);
}

public enum AssignmentSubmitOutcome { Submitted, RoundNotFound, NotInvited, RoundNotOpen }

[GenerateSerializer, Immutable, Alias("census.AssignmentSubmitResult")]
public sealed record AssignmentSubmitResult(
    [property: Id(0)] AssignmentSubmitOutcome Outcome,
    [property: Id(1)] Assignment? Assignment);
