namespace Census.Contracts.Exports;

/// <summary>A decision as a checker's key asks it: who (principal and organisation), what, why, and the acting key.</summary>
[GenerateSerializer, Immutable, Alias("census.CheckerDecision")]
public sealed record CheckerDecision(
    [property: Id(0)] Census.Contracts.Principals.PrincipalRef Checker,
    [property: Id(1)] ExportVerdict Verdict,
    [property: Id(2)] string Reason,
    [property: Id(3)] string Actor);
