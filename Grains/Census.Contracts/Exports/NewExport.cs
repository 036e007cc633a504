using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Exports;

/// <summary>The body of <c>POST /api/v1/exports</c>: the requester's safe-zone grant, the files, and notes for the checkers.</summary>
public sealed record NewExport
{
    /// <summary>The caller's safe-zone grant the files were made under.</summary>
    [Required] public string? GrantId { get; init; }

    /// <summary>1–100 files.</summary>
    [Required] public IReadOnlyList<NewExportFile>? Files { get; init; }

    /// <summary>Up to 2,000 characters for the checkers: what the files are and how they were made.</summary>
    public string? Notes { get; init; }
}
