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

    /// <summary>The most recent idempotency keys and the responses they produced (bounded).</summary>
    [Id(8)] public List<IdempotencyEntry> IdempotencyKeys { get; set; } = [];
}

/// <summary>Who wrote a revision, when, and what they did.</summary>
[GenerateSerializer, Alias("census.RevisionEntry")]
public sealed record RevisionEntry(
    [property: Id(0)] int Revision,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string By,
    [property: Id(3)] string Action);

[GenerateSerializer, Alias("census.IdempotencyEntry")]
public sealed record IdempotencyEntry(
    [property: Id(0)] string Key,
    [property: Id(1)] string BodyHash,
    [property: Id(2)] SurveyWriteOutcome Outcome,
    [property: Id(3)] SurveyResponse Response);
