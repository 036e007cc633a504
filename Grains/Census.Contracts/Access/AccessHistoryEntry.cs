namespace Census.Contracts.Access;

/// <summary>A line of a request's history: what happened, who did it, when and why.</summary>
[GenerateSerializer, Immutable, Alias("census.AccessHistoryEntry")]
public sealed record AccessHistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string? Reason);
