namespace Census.Contracts.Institutions;

/// <summary>A filtered, paged listing of institutions.</summary>
[GenerateSerializer, Immutable, Alias("census.InstitutionQuery")]
public sealed record InstitutionQuery(
    [property: Id(0)] Sector? Sector,
    [property: Id(1)] InstitutionKind? Kind,
    [property: Id(2)] int Page,
    [property: Id(3)] int PageSize);
