namespace Census.Contracts.SafeZones;

/// <summary>A day a site does not open on, although it is one of its opening weekdays, and why.</summary>
[GenerateSerializer, Immutable, Alias("census.SafeZoneClosure")]
public sealed record SafeZoneClosure(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset ClosedAt,
    [property: Id(3)] string ClosedBy);
