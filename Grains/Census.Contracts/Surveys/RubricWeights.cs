using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Surveys;

/// <summary>The ten criterion weights of a rubric version: whole numbers ≥ 0 summing to 100.</summary>
[GenerateSerializer, Immutable, Alias("census.RubricWeights")]
public sealed record RubricWeights
{
    [Id(0), Required] public int? C1 { get; init; }
    [Id(1), Required] public int? C2 { get; init; }
    [Id(2), Required] public int? C3 { get; init; }
    [Id(3), Required] public int? C4 { get; init; }
    [Id(4), Required] public int? C5 { get; init; }
    [Id(5), Required] public int? C6 { get; init; }
    [Id(6), Required] public int? C7 { get; init; }
    [Id(7), Required] public int? C8 { get; init; }
    [Id(8), Required] public int? C9 { get; init; }
    [Id(9), Required] public int? C10 { get; init; }

    /// <summary>Rubric v1 (rubric.md): 15, 10, 10, 10, 15, 10, 10, 10, 5, 5.</summary>
    public static RubricWeights Default { get; } = new()
    {
        C1 = 15, C2 = 10, C3 = 10, C4 = 10, C5 = 15, C6 = 10, C7 = 10, C8 = 10, C9 = 5, C10 = 5,
    };

    /// <summary>The weights in criterion order C1..C10 (a validated set has no nulls).</summary>
    public int[] ToArray() => [C1 ?? 0, C2 ?? 0, C3 ?? 0, C4 ?? 0, C5 ?? 0, C6 ?? 0, C7 ?? 0, C8 ?? 0, C9 ?? 0, C10 ?? 0];
}
