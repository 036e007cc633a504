namespace Census.Contracts.Releases;

/// <summary>The body of a release's creation: the round whose processing case allows it, and optional notes (up to 2,000 characters).</summary>
public sealed record NewRelease(string RoundId, string? Notes);
