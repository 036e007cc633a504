namespace Census.Contracts.Exports;

/// <summary>
/// The automatic checks of a request, run once at submission and stored with it: <c>fail</c> when any file fails,
/// else <c>manual-review</c> when any file has no automatic figures, else <c>pass</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ExportChecks")]
public sealed record ExportChecks(
    [property: Id(0)] CheckOutcome Outcome,
    [property: Id(1)] IReadOnlyList<FileCheck> Files);
