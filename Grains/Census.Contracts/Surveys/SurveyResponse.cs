namespace Census.Contracts.Surveys;

/// <summary>A stored survey record with its revision, author and score (api.md "SurveyResponse").</summary>
[GenerateSerializer, Immutable, Alias("census.SurveyResponse")]
public sealed record SurveyResponse(
    [property: Id(0)] string RoundId,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] string DatasetId,
    [property: Id(3)] int Revision,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] string UpdatedBy,
    [property: Id(6)] SurveyRecord Record,
    [property: Id(7)] Score Score);
