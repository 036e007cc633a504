using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Provision;

/// <summary>The body of <c>PUT …/case/reviewers</c> (admin): 2 to 10 registered reviewers' principal ids.</summary>
[GenerateSerializer, Immutable, Alias("census.ReviewerAssignment")]
public sealed record ReviewerAssignment
{
    [Id(0), Required] public IReadOnlyList<string>? Reviewers { get; init; }
}
