namespace Census.Contracts.SafeZones;

/// <summary>One day's visit of a booking, as the site's operator recorded it: checked in, then checked out.</summary>
[GenerateSerializer, Immutable, Alias("census.SafeZoneVisit")]
public sealed record SafeZoneVisit(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] DateTimeOffset CheckedInAt,
    [property: Id(2)] string CheckedInBy,
    [property: Id(3)] DateTimeOffset? CheckedOutAt,
    [property: Id(4)] string? CheckedOutBy);
