using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Releases;

/// <summary>The body of a release's creation: the round whose processing case allows it, and optional notes.</summary>
public sealed record NewRelease
{
    /// <summary>The round the dataset was selected in; its processing case must have decided a tier.</summary>
    [Required] public string? RoundId { get; init; }

    /// <summary>Up to 2,000 characters: what this version is, or what it corrects.</summary>
    public string? Notes { get; init; }
}
