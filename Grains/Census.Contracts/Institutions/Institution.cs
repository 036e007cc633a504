namespace Census.Contracts.Institutions;

/// <summary>A registered institution as the API returns it.</summary>
[GenerateSerializer, Immutable, Alias("census.Institution")]
public sealed record Institution(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? NameEn,
    [property: Id(3)] InstitutionKind Kind,
    [property: Id(4)] Sector Sector,
    [property: Id(5)] string? ContactEmail,
    [property: Id(6)] DateTimeOffset CreatedAt);
