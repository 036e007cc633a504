namespace Census.Contracts.Institutions;

/// <summary>The outcome of registering an institution: created, or the id is taken.</summary>
[GenerateSerializer, Immutable, Alias("census.RegisterInstitutionResult")]
public sealed record RegisterInstitutionResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] Institution Institution);
