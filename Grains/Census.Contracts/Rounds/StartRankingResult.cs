using Census.Contracts.Rankings;

namespace Census.Contracts.Rounds;

public enum StartRankingOutcome { Started, RoundNotFound, WrongState, UnknownRubricVersion }

[GenerateSerializer, Immutable, Alias("census.StartRankingResult")]
public sealed record StartRankingResult(
    [property: Id(0)] StartRankingOutcome Outcome,
    [property: Id(1)] RankingRun? Run,
    [property: Id(2)] string? Detail);
