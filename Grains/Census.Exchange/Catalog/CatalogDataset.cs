using Census.Contracts.Surveys;

namespace Census.Exchange.Catalog;

/// <summary>
/// One selected dataset: its place in the selection, its publisher, the survey record as it stood at the
/// close, and the selection's scores (<see cref="ScoreNow"/>, <see cref="ScorePost"/> under the run's rubric
/// version) with the per-criterion levels (weight-independent, so any stored breakdown gives the same levels).
/// </summary>
public sealed record CatalogDataset(
    int Rank,
    string InstitutionId,
    string DatasetId,
    CatalogPublisher Publisher,
    SurveyRecord Record,
    int Revision,
    DateTimeOffset RecordUpdatedAt,
    decimal ScoreNow,
    decimal ScorePost,
    IReadOnlyList<CriterionScore> Breakdown);
