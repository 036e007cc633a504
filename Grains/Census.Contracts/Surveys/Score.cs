namespace Census.Contracts.Surveys;

/// <summary>A record's AI-training usability score under one rubric version (rubric.md).</summary>
[GenerateSerializer, Immutable, Alias("census.Score")]
public sealed record Score(
    [property: Id(0)] int RubricVersion,
    [property: Id(1)] decimal Now,
    [property: Id(2)] decimal Post,
    [property: Id(3)] bool Eligible,
    [property: Id(4)] IReadOnlyList<string> FailedGates,
    [property: Id(5)] IReadOnlyList<CriterionScore> Breakdown);

/// <summary>One criterion's part of a score: levels now and post, the points they give, and why.</summary>
[GenerateSerializer, Immutable, Alias("census.CriterionScore")]
public sealed record CriterionScore(
    [property: Id(0)] string Criterion,
    [property: Id(1)] int Weight,
    [property: Id(2)] int LevelNow,
    [property: Id(3)] int LevelPost,
    [property: Id(4)] decimal PointsNow,
    [property: Id(5)] decimal PointsPost,
    [property: Id(6)] string Reason);

/// <summary>
/// The weight-independent result of the rubric for one record: the ten levels now and post, a reason
/// per criterion, and the gates it fails. A score under any weights is computed from this alone, so
/// it is what the survey index stores and what a ranking run reads.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.RubricLevels")]
public sealed record RubricLevels(
    [property: Id(0)] IReadOnlyList<int> Now,
    [property: Id(1)] IReadOnlyList<int> Post,
    [property: Id(2)] IReadOnlyList<string> Reasons,
    [property: Id(3)] IReadOnlyList<string> FailedGates);
