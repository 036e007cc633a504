using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Access;

/// <summary>The body of <c>POST /api/v1/access-requests/{id}/extension</c>: the due date moves once, by 1–10 days, with a reason.</summary>
[GenerateSerializer, Immutable, Alias("census.AccessExtension")]
public sealed record AccessExtension
{
    [Id(0), Required] public int? Days { get; init; }

    [Id(1), Required] public string? Reason { get; init; }
}
