using Census.Contracts.Provision;

namespace Census.Contracts.Releases;

/// <summary>What a new draft needs: the round whose case let it be made, the tier that case decided, and notes.</summary>
[GenerateSerializer, Immutable, Alias("census.ReleaseDraft")]
public sealed record ReleaseDraft(
    [property: Id(0)] string RoundId,
    [property: Id(1)] ReleaseTier Tier,
    [property: Id(2)] string? Notes)
{
    /// <summary>The licence of the delivered record, from the case.</summary>
    [Id(3)] public Census.Contracts.Surveys.License? License { get; init; }
}
