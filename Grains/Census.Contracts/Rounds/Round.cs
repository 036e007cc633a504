using Census.Contracts.Surveys;

namespace Census.Contracts.Rounds;

/// <summary>A census round as the API returns it.</summary>
[GenerateSerializer, Immutable, Alias("census.Round")]
public sealed record Round(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] RoundState State,
    [property: Id(3)] DateTimeOffset Deadline,
    [property: Id(4)] SelectionPolicy Selection,
    [property: Id(5)] RubricVersion Rubric,
    [property: Id(6)] RoundProgress Progress,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? OpenedAt,
    [property: Id(9)] DateTimeOffset? ClosedAt,
    [property: Id(10)] IReadOnlyList<string>? Institutions,
    [property: Id(11)] int ShardCount)
{
    /// <summary>When the selection was finalized; null before.</summary>
    [Id(12)] public DateTimeOffset? FinalizedAt { get; init; }

    /// <summary>The ranking run whose selection was finalized; null before.</summary>
    [Id(13)] public string? FinalRunId { get; init; }
}

/// <summary>A rubric version of a round: its number and weights.</summary>
[GenerateSerializer, Immutable, Alias("census.RubricVersion")]
public sealed record RubricVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] RubricWeights Weights);

/// <summary>How far a round has got.</summary>
[GenerateSerializer, Immutable, Alias("census.RoundProgress")]
public sealed record RoundProgress(
    [property: Id(0)] int Invited,
    [property: Id(1)] int Responding,
    [property: Id(2)] int Submitted,
    [property: Id(3)] long Datasets);
