namespace Census.Contracts.Surveys;

/// <summary>One dataset of one institution, across rounds. Key: <c>{institutionId}/{datasetId}</c>.</summary>
[Alias("census.IDatasetGrain")]
public interface IDatasetGrain : IGrainWithStringKey
{
    /// <summary>Stores a validated record as the next revision (or replays an idempotent repeat).</summary>
    [Alias("Put")]
    Task<SurveyWriteResult> Put(SurveyWrite write);

    [Alias("Get")]
    Task<SurveyReadResult> Get(string roundId);

    /// <summary>Withdraws the record; <paramref name="ifMatch"/> as <see cref="SurveyWrite.IfMatch"/>.</summary>
    [Alias("Withdraw.v2")]
    Task<SurveyWriteResult> Withdraw(string roundId, string actor, IReadOnlyList<int>? ifMatch);
}

/// <summary>
/// A write of a survey record: what, by whom, and its concurrency and idempotency guards.
/// <see cref="IfMatch"/>: null = unconditional; otherwise the acceptable revisions (an RFC 9110 list:
/// the write proceeds when any matches), where 0 = any existing revision (<c>*</c>), a positive number =
/// exactly that revision, and a negative number never matches (a weak tag).
/// <see cref="KeepUnchanged"/> (an import's writes): a record equal to the current revision makes no new revision
/// and answers <see cref="SurveyWriteOutcome.Unchanged"/>; a PUT leaves it false and always makes one.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.SurveyWrite")]
public sealed record SurveyWrite(
    [property: Id(0)] string RoundId,
    [property: Id(1)] SurveyRecord Record,
    [property: Id(2)] string Actor,
    [property: Id(6)] IReadOnlyList<int>? IfMatch,
    [property: Id(4)] string? IdempotencyKey,
    [property: Id(5)] string BodyHash)
{
    [Id(7)] public bool KeepUnchanged { get; init; }
}

public enum SurveyWriteOutcome
{
    Created,
    Updated,
    Withdrawn,
    NotFound,
    RoundNotFound,
    RoundNotOpen,
    NotInvited,
    PreconditionFailed,
    IdempotencyKeyReused,

    /// <summary>The record equals the current revision; nothing was written (only with <see cref="SurveyWrite.KeepUnchanged"/>).</summary>
    Unchanged,
}

[GenerateSerializer, Immutable, Alias("census.SurveyWriteResult")]
public sealed record SurveyWriteResult(
    [property: Id(0)] SurveyWriteOutcome Outcome,
    [property: Id(1)] SurveyResponse? Response,
    [property: Id(2)] string? Detail);

public enum SurveyReadOutcome { Found, NotFound, RoundNotFound }

[GenerateSerializer, Immutable, Alias("census.SurveyReadResult")]
public sealed record SurveyReadResult(
    [property: Id(0)] SurveyReadOutcome Outcome,
    [property: Id(1)] SurveyResponse? Response);
