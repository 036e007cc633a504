namespace Census.Contracts.Institutions;

/// <summary>A validated registration: what an institution grain is created from.</summary>
[GenerateSerializer, Immutable, Alias("census.InstitutionProfile")]
public sealed record InstitutionProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? NameEn,
    [property: Id(3)] InstitutionKind Kind,
    [property: Id(4)] Sector Sector,
    [property: Id(5)] string? ContactEmail);
