using Census.Contracts.Exports;

namespace Census.Domain.Exports;

/// <summary>A validated export request body: the grant it is asked under, its files as stored, and the notes.</summary>
public sealed record ExportSubmission(string GrantId, IReadOnlyList<ExportFile> Files, string? Notes);
