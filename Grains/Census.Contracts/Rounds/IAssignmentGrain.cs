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
    /// A record was written at <paramref name="writtenAt"/>: the institution is responding — again, if
    /// it had submitted before that time. Idempotent, so a repair may repeat it.
    /// </summary>
    [Alias("DatasetWritten")]
    Task DatasetWritten(DateTimeOffset writtenAt);

    /// <summary>A page of the dataset ids reported in this round (not withdrawn), ordered; read from the index.</summary>
    [Alias("ListDatasets")]
    Task<Census.Contracts.Common.Page<string>> ListDatasets(int page, int pageSize, CancellationToken cancellationToken = default);

    [Alias("Submit")]
    Task<AssignmentSubmitResult> Submit(string actor);
}

public enum AssignmentSubmitOutcome { Submitted, RoundNotFound, NotInvited, RoundNotOpen }

[GenerateSerializer, Immutable, Alias("census.AssignmentSubmitResult")]
public sealed record AssignmentSubmitResult(
    [property: Id(0)] AssignmentSubmitOutcome Outcome,
    [property: Id(1)] Assignment? Assignment);
