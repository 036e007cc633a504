namespace Census.Contracts.Exports;

/// <summary>A file a safe zone asks to let out: a blob of the content store named by its SHA-256, and a table's cells.</summary>
[GenerateSerializer, Immutable, Alias("census.ExportFile")]
public sealed record ExportFile(
    [property: Id(0)] string Path,
    [property: Id(1)] ExportFileType Type,
    [property: Id(2)] string Sha256,
    [property: Id(3)] long Bytes,
    [property: Id(4)] IReadOnlyList<ExportCell> Cells);
