using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Access;

/// <summary>The body of <c>POST /api/v1/access-requests</c> (requester).</summary>
[GenerateSerializer, Immutable, Alias("census.AccessRequestSubmission")]
public sealed record AccessRequestSubmission
{
    [Id(0), Required] public string? InstitutionId { get; init; }

    [Id(1), Required] public string? DatasetId { get; init; }

    /// <summary>A published release version of the dataset, e.g. <c>1.0</c>.</summary>
    [Id(2), Required] public string? Version { get; init; }

    [Id(3), Required] public AccessPurpose? Purpose { get; init; }

    /// <summary>Required when the purpose is <c>other</c>; up to 500 characters.</summary>
    [Id(4)] public string? PurposeText { get; init; }

    /// <summary>The project, 1–4,000 characters.</summary>
    [Id(5), Required] public string? ProjectSummary { get; init; }

    /// <summary>The analysts: registered requesters of the same organisation (the requester may name themself); 1–50.</summary>
    [Id(6), Required] public IReadOnlyList<string>? Analysts { get; init; }

    /// <summary>Days of access from approval: 1–365, or 1–25 for safe-zone-only data.</summary>
    [Id(7), Required] public int? PeriodDays { get; init; }

    /// <summary>The version of the dataset's agreement for this tier that the requester accepted; it must be the current one.</summary>
    [Id(8), Required] public int? AgreementVersion { get; init; }
}
