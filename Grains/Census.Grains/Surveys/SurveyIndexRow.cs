using Census.Contracts.Surveys;

namespace Census.Grains.Surveys;

/// <summary>
/// One compact row of the survey index per (round, dataset): what rankings and reports read. It
/// holds the rubric's levels (weight-independent, so any rubric version's score follows from them),
/// the gates, and the grouping fields. The record itself, its levels with reasons and its author go
/// to the document beside the row (lists read it); a row without <see cref="Record"/> writes no document.
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
    DateTimeOffset UpdatedAt)
{
    /// <summary>Who wrote this revision.</summary>
    public string UpdatedBy { get; init; } = "";

    /// <summary>The record of this revision (as stored: the default sector applied).</summary>
    public SurveyRecord? Record { get; init; }

    /// <summary>The record's rubric levels with their reasons and failed gates.</summary>
    public RubricLevels? Levels { get; init; }
}
