using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Exports;

/// <summary>A table cell as a request names it. A magnitude table's cell gives all three of largest, second and total.</summary>
public sealed record NewExportCell
{
    /// <summary>What the cell is (row and column, e.g. <c>region=seoul/age=30-39</c>), 1–200 characters, unique in its file.</summary>
    [Required] public string? Key { get; init; }

    /// <summary>The number of units counted in the cell, 0 or more.</summary>
    [Required] public long? Count { get; init; }

    /// <summary>Magnitude tables: the largest single contribution to the cell's total.</summary>
    public decimal? Largest { get; init; }

    /// <summary>Magnitude tables: the second largest contribution.</summary>
    public decimal? Second { get; init; }

    /// <summary>Magnitude tables: the cell's total.</summary>
    public decimal? Total { get; init; }
}
