using Census.Contracts.Surveys;

namespace Census.Grains.Surveys;

/// <summary>
/// A record as a list page reads it from the index: the revision and write time of its row, its author,
/// the record and its levels (the score is weighed from them under the round's current rubric).
/// </summary>
public sealed record SurveyDocument(
    string DatasetId,
    int Revision,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    SurveyRecord Record,
    RubricLevels Levels);
