using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Access;

/// <summary>The body of <c>POST /api/v1/access-requests/{id}/decisions</c>.</summary>
[GenerateSerializer, Immutable, Alias("census.AccessDecisionInput")]
public sealed record AccessDecisionInput
{
    [Id(0), Required] public AccessDecisionKind? Decision { get; init; }

    /// <summary>Why, 1–1,000 characters: every decision has a reason.</summary>
    [Id(1), Required] public string? Reason { get; init; }
}
