namespace Census.Contracts.Catalogue;

/// <summary>
/// The dataset's current offer (provision.md §3 "Offers"): free, or a fee per download or flat in KRW
/// (<see cref="PriceKrw"/> null when free), with the agreement version it comes with.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.CatalogueOffer")]
public sealed record CatalogueOffer(
    [property: Id(0)] CataloguePricing Pricing,
    [property: Id(1)] long? PriceKrw,
    [property: Id(2)] string? AgreementVersion,
    [property: Id(3)] DateTimeOffset SetAt);
