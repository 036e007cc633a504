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
    /// in its write context (<see cref="RoundWriteContext.Submissions"/>): the institution is responding —
    /// again, if that write came after its latest submission. A late or replayed notice of a write made
    /// before a submission never reopens it. Idempotent, so a repair may repeat it.
    /// </summary>
    [Alias("DatasetWritten.v2")]
    Task DatasetWritten(int submissionsSeen);

    /// <summary>
    /// A page of the records reported in this round (not withdrawn), ordered by dataset id, scored under
    /// the round's current rubric: read from the survey index, waking no dataset grain.
    /// </summary>
    [Alias("ListRecords")]
    Task<Census.Contracts.Common.Page<Census.Contracts.Surveys.SurveyResponse>> ListRecords(int page, int pageSize, CancellationToken cancellationToken = default);

    [Alias("Submit")]
    Task<AssignmentSubmitResult> Submit(string actor);
}

public enum AssignmentSubmitOutcome { Submitted, RoundNotFound, NotInvited, RoundNotOpen }

[GenerateSerializer, Immutable, Alias("census.AssignmentSubmitResult")]
public sealed record AssignmentSubmitResult(
    [property: Id(0)] AssignmentSubmitOutcome Outcome,
    [property: Id(1)] Assignment? Assignment);
