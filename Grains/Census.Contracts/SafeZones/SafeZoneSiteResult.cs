namespace Census.Contracts.SafeZones;

/// <summary>A site write's outcome, the site as it now is (when there is one), and why when refused.</summary>
[GenerateSerializer, Immutable, Alias("census.SafeZoneSiteResult")]
public sealed record SafeZoneSiteResult(
    [property: Id(0)] SafeZoneOutcome Outcome,
    [property: Id(1)] SafeZoneSite? Site,
    [property: Id(2)] string? Detail);
