using Census.Contracts.Institutions;
using Census.Contracts.Provision;
using Census.Contracts.Surveys;

namespace Census.Contracts.Catalogue;

/// <summary>What a processing case tells the catalogue when one of its releases is published: its delivered record, decided tier and sector.</summary>
[GenerateSerializer, Immutable, Alias("census.CatalogueRelease")]
public sealed record CatalogueRelease(
    [property: Id(0)] string RoundId,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] string DatasetId,
    [property: Id(3)] string Version,
    [property: Id(4)] SurveyRecord Record,
    [property: Id(5)] ReleaseTier Tier,
    [property: Id(6)] Sector Sector);
