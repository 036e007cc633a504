namespace Census.Grains.Surveys;

/// <summary>
/// One compact row of the survey index per (round, dataset): what rankings and reports read. It
/// holds the rubric's levels (weight-independent, so any rubric version's score follows from them),
/// the gates, and the grouping fields; never the record itself.
/// </summary>
public sealed record SurveyIndexRow(
    string RoundId,
    string InstitutionId,
    string DatasetId,
    int Shard,
    int Revision,
    bool Withdrawn,
    string Sector,
    string Modality,
    string AvailabilityNow,
    bool Eligible,
    int FailedGates,
    IReadOnlyList<int> LevelsNow,
    IReadOnlyList<int> LevelsPost,
    DateTimeOffset UpdatedAt);
