namespace Census.Contracts.Imports;

[GenerateSerializer, Immutable, Alias("census.ImportBeginResult")]
public sealed record ImportBeginResult(
    [property: Id(0)] ImportBeginOutcome Outcome,
    [property: Id(1)] Import Import);
