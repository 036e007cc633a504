using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Provision;

/// <summary>The body of <c>POST …/case/evidence/identifier-checks</c>: unstructured data's de-identification checks.</summary>
[GenerateSerializer, Immutable, Alias("census.IdentifierCheckSubmission")]
public sealed record IdentifierCheckSubmission
{
    /// <summary>One per identifier type, 1–50.</summary>
    [Id(0), Required] public IReadOnlyList<IdentifierCheck>? Checks { get; init; }

    [Id(1)] public string? Note { get; init; }
}
