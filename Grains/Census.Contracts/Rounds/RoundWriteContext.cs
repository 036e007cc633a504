using Census.Contracts.Institutions;
using Census.Contracts.Surveys;

namespace Census.Contracts.Rounds;

/// <summary>
/// What a dataset grain needs to know of a round to accept a write: cached by the institution's
/// assignment grain and pushed to it on every change, so writes never queue on the round grain.
/// <see cref="Submissions"/> is how many times the institution had submitted when the write asked: the
/// sequence a write's notice carries back, so the assignment orders writes and submissions without clocks.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.RoundWriteContext")]
public sealed record RoundWriteContext(
    [property: Id(0)] string RoundId,
    [property: Id(1)] RoundState State,
    [property: Id(2)] DateTimeOffset Deadline,
    [property: Id(3)] int ShardCount,
    [property: Id(4)] RubricVersion Rubric,
    [property: Id(5)] bool Invited,
    [property: Id(6)] Sector? InstitutionSector,
    [property: Id(10)] int Submissions = 0);
