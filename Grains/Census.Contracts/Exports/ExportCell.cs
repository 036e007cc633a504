namespace Census.Contracts.Exports;

/// <summary>
/// One cell of an exported table: its key (e.g. <c>region=seoul/age=30-39</c>), the count of units in it and, for a
/// magnitude table, the two largest contributions and the cell's total.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ExportCell")]
public sealed record ExportCell(
    [property: Id(0)] string Key,
    [property: Id(1)] long Count,
    [property: Id(2)] decimal? Largest,
    [property: Id(3)] decimal? Second,
    [property: Id(4)] decimal? Total);
