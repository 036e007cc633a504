namespace Census.Contracts.Releases;

/// <summary>A release write's outcome, the release as it now is (when there is one), and why when refused.</summary>
[GenerateSerializer, Immutable, Alias("census.ReleaseResult")]
public sealed record ReleaseResult(
    [property: Id(0)] ReleaseOutcome Outcome,
    [property: Id(1)] Release? Release,
    [property: Id(2)] string? Detail);
