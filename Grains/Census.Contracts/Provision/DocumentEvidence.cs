using System.ComponentModel.DataAnnotations;
using Census.Contracts.Surveys;

namespace Census.Contracts.Provision;

/// <summary>
/// The body of <c>POST …/case/evidence/documents</c>: a task's evidence as a note, optionally with a file uploaded
/// first through <c>/api/v1/uploads</c> and named here by its SHA-256 and size.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.DocumentEvidence")]
public sealed record DocumentEvidence
{
    [Id(0), Required] public ProcessingStep? Task { get; init; }

    /// <summary>What was done and how it was checked, 1–2,000 characters.</summary>
    [Id(1), Required] public string? Note { get; init; }

    [Id(2)] public string? FileName { get; init; }

    [Id(3)] public string? Sha256 { get; init; }

    [Id(4)] public long? Bytes { get; init; }
}
