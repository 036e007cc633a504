namespace Census.Contracts.Rounds;

/// <summary>What became of a command to a round grain; expected failures are values, not exceptions.</summary>
public enum RoundOutcome { Ok, Created, NotFound, AlreadyExists, WrongState }

[GenerateSerializer, Immutable, Alias("census.RoundCommandResult")]
public sealed record RoundCommandResult(
    [property: Id(0)] RoundOutcome Outcome,
    [property: Id(1)] Round? Round,
    [property: Id(2)] string? Detail);
