using Census.Contracts.Institutions;
using Census.Contracts.Provision;
using Census.Contracts.Surveys;

namespace Census.Contracts.Catalogue;

/// <summary>A catalogue search: free text (title, description, publisher, ids), filters, and an already validated page.</summary>
[GenerateSerializer, Immutable, Alias("census.CatalogueQuery")]
public sealed record CatalogueQuery(
    [property: Id(0)] string? Text,
    [property: Id(1)] Sector? Sector,
    [property: Id(2)] Modality? Modality,
    [property: Id(3)] ReleaseTier? Tier,
    [property: Id(4)] int Page,
    [property: Id(5)] int PageSize);
