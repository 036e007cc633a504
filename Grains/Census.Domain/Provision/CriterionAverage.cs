namespace Census.Domain.Provision;

/// <summary>One criterion's average delivery gap over a group of datasets, rounded half away from zero to 2 places.</summary>
public sealed record CriterionAverage(string Criterion, decimal AverageGap);
