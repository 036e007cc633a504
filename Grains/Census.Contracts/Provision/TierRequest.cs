namespace Census.Contracts.Provision;

/// <summary>
/// The body of <c>POST …/case/tier</c> (admin): no tier takes the rule's; a tier more restrictive than the rule's
/// needs a reason; a less restrictive one is refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.TierRequest")]
public sealed record TierRequest
{
    [Id(0)] public ReleaseTier? Tier { get; init; }

    [Id(1)] public string? Reason { get; init; }
}
