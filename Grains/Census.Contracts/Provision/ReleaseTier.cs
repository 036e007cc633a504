namespace Census.Contracts.Provision;

/// <summary>How a released dataset may be provided, from the most open to the least (provision.md §1).</summary>
public enum ReleaseTier { Open, Restricted, SafeZoneOnly, NotProvidable }

/// <summary>The tier the versioned rule gives, which of its clauses matched first, and why.</summary>
[GenerateSerializer, Immutable, Alias("census.TierDecision")]
public sealed record TierDecision(
    [property: Id(0)] ReleaseTier Tier,
    [property: Id(1)] int RuleVersion,
    [property: Id(2)] int Clause,
    [property: Id(3)] string Reason);
