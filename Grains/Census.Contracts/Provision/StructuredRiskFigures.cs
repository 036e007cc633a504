namespace Census.Contracts.Provision;

/// <summary>
/// What an equivalence-class table says about re-identification risk (provision.md §1). Every ratio is an exact
/// rational rounded half away from zero to 6 decimal places; the same table always gives the same figures.
/// <see cref="L"/> and <see cref="T"/> are null when the table declares no sensitive attribute.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.StructuredRiskFigures")]
public sealed record StructuredRiskFigures(
    [property: Id(0)] long Records,
    [property: Id(1)] long Classes,
    [property: Id(2)] long K,
    [property: Id(3)] long RecordsBelowK,
    [property: Id(4)] decimal RecordsBelowKShare,
    [property: Id(5)] int? L,
    [property: Id(6)] decimal? T,
    [property: Id(7)] decimal ProsecutorHighest,
    [property: Id(8)] decimal ProsecutorAverage,
    [property: Id(9)] long RecordsAtRisk,
    [property: Id(10)] decimal RecordsAtRiskShare,
    [property: Id(11)] decimal MarketerRisk,
    [property: Id(12)] IReadOnlyList<string> QuasiIdentifiers,
    [property: Id(13)] IReadOnlyList<string> SensitiveAttributes);

/// <summary>One policy check of evidence: its name (e.g. <c>k</c>), the figure, the threshold, and whether it passed.</summary>
[GenerateSerializer, Immutable, Alias("census.PolicyCheck")]
public sealed record PolicyCheck(
    [property: Id(0)] string Check,
    [property: Id(1)] decimal Value,
    [property: Id(2)] decimal Threshold,
    [property: Id(3)] bool Passed,
    [property: Id(4)] string Reason);
