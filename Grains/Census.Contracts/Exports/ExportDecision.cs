namespace Census.Contracts.Exports;

/// <summary>One output checker's decision, with the reason they gave, when, and the key that acted.</summary>
[GenerateSerializer, Immutable, Alias("census.ExportDecision")]
public sealed record ExportDecision(
    [property: Id(0)] string Checker,
    [property: Id(1)] string Organisation,
    [property: Id(2)] ExportVerdict Decision,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string Actor);
