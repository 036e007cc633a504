using Census.Contracts.Surveys;

namespace Census.Grains.Surveys;

/// <summary>The durable state of one dataset: its survey record in each round it was reported to.</summary>
[GenerateSerializer, Alias("census.DatasetState")]
public sealed class DatasetState
{
    [Id(0)] public Dictionary<string, DatasetRoundEntry> Rounds { get; set; } = [];
}

/// <summary>A dataset's record in one round: the current revision, its rubric levels, and its history.</summary>
[GenerateSerializer, Alias("census.DatasetRoundEntry")]
public sealed class DatasetRoundEntry
{
    [Id(0)] public int Revision { get; set; }
    [Id(1)] public SurveyRecord Record { get; set; } = new();
    [Id(2)] public RubricLevels Levels { get; set; } = new([], [], [], []);
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(4)] public string UpdatedBy { get; set; } = "";
    [Id(5)] public bool Withdrawn { get; set; }
    [Id(6)] public int Shard { get; set; }
    [Id(7)] public List<RevisionEntry> History { get; set; } = [];

    /// <summary>
    /// The idempotency keys of the last 24 hours or more: key, body hash and the revision each made,
    /// never a copy of the response (a replay rebuilds it). Id 8 held full responses before.
    /// </summary>
    [Id(9)] public List<IdempotencyMemo> Idempotency { get; set; } = [];

    /// <summary>The submissions the last write saw in its write context (replayed with its notice to the assignment).</summary>
    [Id(10)] public int SubmissionsSeen { get; set; }

    /// <summary>A copy whose lists can change without changing this entry (kept to restore a refused write).</summary>
    public DatasetRoundEntry Copy() => new()
    {
        Revision = Revision,
        Record = Record,
        Levels = Levels,
        UpdatedAt = UpdatedAt,
        UpdatedBy = UpdatedBy,
        Withdrawn = Withdrawn,
        Shard = Shard,
        History = [.. History],
        Idempotency = [.. Idempotency],
        SubmissionsSeen = SubmissionsSeen,
    };
}

/// <summary>Who wrote a revision, when, and what they did.</summary>
[GenerateSerializer, Alias("census.RevisionEntry")]
public sealed record RevisionEntry(
    [property: Id(0)] int Revision,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string By,
    [property: Id(3)] string Action);

/// <summary>
/// What a keyed write made: enough to answer its retry. The same key and body mean the record at
/// <see cref="Revision"/> was the request's body (with the institution's default sector applied), so
/// the response is rebuilt from the body, this revision, and who wrote it when.
/// </summary>
[GenerateSerializer, Alias("census.IdempotencyMemo")]
public sealed record IdempotencyMemo(
    [property: Id(0)] string Key,
    [property: Id(1)] string BodyHash,
    [property: Id(2)] int Revision,
    [property: Id(3)] SurveyWriteOutcome Outcome,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string By);
