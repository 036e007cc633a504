using System.ComponentModel.DataAnnotations;
using Census.Contracts.Surveys;

namespace Census.Contracts.Rounds;

/// <summary>The body of <c>POST /api/v1/rounds</c>.</summary>
[GenerateSerializer, Immutable, Alias("census.RoundDefinition")]
public sealed record RoundDefinition
{
    [Id(0), Required] public string? Id { get; init; }

    [Id(1), Required] public string? Title { get; init; }

    /// <summary>When the round closes by itself (ISO 8601 UTC).</summary>
    [Id(2), Required] public DateTimeOffset? Deadline { get; init; }

    [Id(3), Required] public SelectionPolicy? Selection { get; init; }

    /// <summary>Rubric v1's weights; default rubric.md's.</summary>
    [Id(4)] public RubricWeights? Weights { get; init; }

    /// <summary>Invited institutions; absent means every registered institution.</summary>
    [Id(5)] public IReadOnlyList<string>? Institutions { get; init; }
}
