namespace Census.Api.Tests.Infrastructure;

/// <summary>An institution invited to a round, with an agency key of its own and that key's view of its routes.</summary>
public sealed record Participant(string RoundId, string InstitutionId, string ApiKey, SurveyRoutes Agency);
