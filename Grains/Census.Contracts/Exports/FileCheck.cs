namespace Census.Contracts.Exports;

/// <summary>The automatic checks of one file: its outcome, every cell finding, and why the outcome is what it is.</summary>
[GenerateSerializer, Immutable, Alias("census.FileCheck")]
public sealed record FileCheck(
    [property: Id(0)] string Path,
    [property: Id(1)] ExportFileType Type,
    [property: Id(2)] CheckOutcome Outcome,
    [property: Id(3)] IReadOnlyList<CellFinding> Findings,
    [property: Id(4)] string Reason);
