namespace Census.Contracts.Imports;

[GenerateSerializer, Immutable, Alias("census.ImportCancelResult")]
public sealed record ImportCancelResult(
    [property: Id(0)] ImportCancelOutcome Outcome,
    [property: Id(1)] Import? Import);
