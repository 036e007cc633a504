namespace Census.Contracts.Rounds;

/// <summary>An institution's response to a round: invited → responding → submitted.</summary>
public enum AssignmentStatus { Invited, Responding, Submitted }

/// <summary>An institution's assignment in a round, as the API returns it.</summary>
[GenerateSerializer, Immutable, Alias("census.Assignment")]
public sealed record Assignment(
    [property: Id(0)] string RoundId,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] AssignmentStatus Status,
    [property: Id(3)] int Datasets,
    [property: Id(4)] DateTimeOffset? SubmittedAt);
