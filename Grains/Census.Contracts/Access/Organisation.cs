namespace Census.Contracts.Access;

/// <summary>
/// A user organisation registered by an admin. Requests are taken only once an admin has verified it
/// (<see cref="VerifiedAt"/>): who verified it, when and on what grounds is kept.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.Organisation")]
public sealed record Organisation(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] OrganisationKind Kind,
    [property: Id(3)] string? RegistrationNumber,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset? VerifiedAt,
    [property: Id(7)] string? VerifiedBy,
    [property: Id(8)] string? VerificationNote);
