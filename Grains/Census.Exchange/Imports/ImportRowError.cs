namespace Census.Exchange.Imports;

/// <summary>
/// An error of one row: <see cref="Path"/> is the field's JSON path as a PUT would report it
/// (<c>record.volume.records</c>, <c>datasetId</c>, <c>action</c>).
/// </summary>
public sealed record ImportRowError(int Row, string? DatasetId, string Path, string Message);
