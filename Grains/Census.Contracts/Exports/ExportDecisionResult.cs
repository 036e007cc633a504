namespace Census.Contracts.Exports;

/// <summary>A decision's outcome, the request as it stands after it, and why when refused.</summary>
[GenerateSerializer, Immutable, Alias("census.ExportDecisionResult")]
public sealed record ExportDecisionResult(
    [property: Id(0)] ExportDecisionOutcome Outcome,
    [property: Id(1)] ExportRequest? Request,
    [property: Id(2)] string? Detail);
