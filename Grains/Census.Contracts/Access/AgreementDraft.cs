using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Access;

/// <summary>The body of <c>POST …/datasets/{datasetId}/agreements</c>: a new version of the agreement for a tier.</summary>
[GenerateSerializer, Immutable, Alias("census.AgreementDraft")]
public sealed record AgreementDraft
{
    /// <summary><c>open</c>, <c>restricted</c> or <c>safe-zone-only</c>.</summary>
    [Id(0), Required] public Census.Contracts.Provision.ReleaseTier? Tier { get; init; }

    /// <summary>1–200 characters.</summary>
    [Id(1), Required] public string? Title { get; init; }

    /// <summary>The full text, 1–100,000 characters.</summary>
    [Id(2), Required] public string? Text { get; init; }
}
