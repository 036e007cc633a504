using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Imports;

/// <summary>
/// An error of one row: the spreadsheet's row number (header = row 1; for NDJSON the line), the row's
/// <c>datasetId</c> when it has one, the field's JSON path as a PUT would name it, and what is wrong.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ImportError")]
public sealed record ImportError(
    [property: Id(0), Required] int Row,
    [property: Id(1)] string? DatasetId,
    [property: Id(2), Required] string Path,
    [property: Id(3), Required] string Message);
