namespace Census.Contracts.SafeZones;

/// <summary>
/// A safe-zone site (provision.md §2 "Safe zones"): its seats, the weekdays it opens, the principals who operate it
/// (role zone-operator) and the days it is closed. Seats are booked per day, never more than <see cref="Seats"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.SafeZoneSite")]
public sealed record SafeZoneSite(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Address,
    [property: Id(3)] int Seats,
    [property: Id(4)] IReadOnlyList<DayOfWeek> OpenWeekdays,
    [property: Id(5)] IReadOnlyList<string> Operators,
    [property: Id(6)] IReadOnlyList<SafeZoneClosure> Closures,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] string CreatedBy);
