using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Exports;

/// <summary>The body of an output checker's decision.</summary>
public sealed record ExportDecisionEntry
{
    [Required] public ExportVerdict? Decision { get; init; }

    /// <summary>Why, 1–2,000 characters; kept with the decision and written to the dataset's ledger.</summary>
    [Required] public string? Reason { get; init; }
}
