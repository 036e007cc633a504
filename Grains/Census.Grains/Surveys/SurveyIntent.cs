namespace Census.Grains.Surveys;

/// <summary>A dataset whose grain state may be ahead of its index row in a round: the sweeper asks its grain to repair.</summary>
public sealed record SurveyIntent(string RoundId, string InstitutionId, string DatasetId);
