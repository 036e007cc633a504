namespace Census.Contracts.Exports;

/// <summary>One finding in one cell: the cell's index in the file's list and its key, whether it fails the file, and why.</summary>
[GenerateSerializer, Immutable, Alias("census.CellFinding")]
public sealed record CellFinding(
    [property: Id(0)] int Index,
    [property: Id(1)] string Key,
    [property: Id(2)] CellFindingKind Kind,
    [property: Id(3)] bool Fails,
    [property: Id(4)] string Reason);
