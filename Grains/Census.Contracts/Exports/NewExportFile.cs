using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Exports;

/// <summary>A file of an export request: a blob already uploaded to the content store, and a table's cells.</summary>
public sealed record NewExportFile
{
    /// <summary>The file's path in the export, like a release file's path; unique in the request.</summary>
    [Required] public string? Path { get; init; }

    [Required] public ExportFileType? Type { get; init; }

    /// <summary>The file's SHA-256, 64 lower-case hex digits: the blob uploaded through <c>/api/v1/uploads</c>.</summary>
    [Required] public string? Sha256 { get; init; }

    [Required] public long? Bytes { get; init; }

    /// <summary>Tables only, and required for them: every cell of the table.</summary>
    public IReadOnlyList<NewExportCell>? Cells { get; init; }
}
