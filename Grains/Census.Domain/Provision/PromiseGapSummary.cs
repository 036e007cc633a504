namespace Census.Domain.Provision;

/// <summary>A group's delivery gap (an institution's, a sector's): how many datasets, their average total gap and per criterion.</summary>
public sealed record PromiseGapSummary(string Key, int Datasets, decimal AverageGap, IReadOnlyList<CriterionAverage> Criteria);
