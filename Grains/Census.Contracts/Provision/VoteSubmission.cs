using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Provision;

/// <summary>The body of <c>POST …/case/votes</c> (an assigned reviewer).</summary>
[GenerateSerializer, Immutable, Alias("census.VoteSubmission")]
public sealed record VoteSubmission
{
    [Id(0), Required] public ReviewDecision? Decision { get; init; }

    /// <summary>Why, 1–2,000 characters; a rejection's reason goes back to the processor.</summary>
    [Id(1), Required] public string? Reason { get; init; }
}
