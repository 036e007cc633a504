using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Access;

/// <summary>The body of <c>POST /api/v1/access-requests/{id}/resubmission</c>: the members changed, the rest kept.</summary>
[GenerateSerializer, Immutable, Alias("census.AccessRequestChanges")]
public sealed record AccessRequestChanges
{
    [Id(0)] public string? PurposeText { get; init; }

    [Id(1)] public string? ProjectSummary { get; init; }

    [Id(2)] public IReadOnlyList<string>? Analysts { get; init; }

    [Id(3)] public int? PeriodDays { get; init; }

    /// <summary>What was changed in answer to the request for changes, 1–1,000 characters.</summary>
    [Id(4), Required] public string? Note { get; init; }
}
