namespace Census.Contracts.Imports;

/// <summary>What an import is, fixed when it begins: where it writes, how, who asked, and when.</summary>
[GenerateSerializer, Immutable, Alias("census.ImportDefinition")]
public sealed record ImportDefinition(
    [property: Id(0)] string RoundId,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] string ImportId,
    [property: Id(3)] bool DryRun,
    [property: Id(4)] bool Atomic,
    [property: Id(5)] ImportFileFormat Format,
    [property: Id(6)] string Actor,
    [property: Id(7)] DateTimeOffset StartedAt);
