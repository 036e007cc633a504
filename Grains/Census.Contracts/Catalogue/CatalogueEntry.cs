using Census.Contracts.Institutions;
using Census.Contracts.Provision;
using Census.Contracts.Surveys;

namespace Census.Contracts.Catalogue;

/// <summary>
/// One released dataset as the public catalogue shows it: what its last released case delivered (title, description,
/// modality, licence, formats), its decided tier, the publisher, its published versions (newest first), its offer (null
/// until set) and its approved-uses register.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.CatalogueEntry")]
public sealed record CatalogueEntry(
    [property: Id(0)] string InstitutionId,
    [property: Id(1)] string DatasetId,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Description,
    [property: Id(4)] string InstitutionName,
    [property: Id(5)] Sector Sector,
    [property: Id(6)] Modality Modality,
    [property: Id(7)] ReleaseTier Tier,
    [property: Id(8)] License License,
    [property: Id(9)] IReadOnlyList<string> Formats,
    [property: Id(10)] IReadOnlyList<CatalogueVersion> Versions,
    [property: Id(11)] CatalogueOffer? Offer,
    [property: Id(12)] IReadOnlyList<ApprovedUse> ApprovedUses,
    [property: Id(13)] string RoundId,
    [property: Id(14)] DateTimeOffset UpdatedAt);
