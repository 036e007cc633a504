using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Access;

/// <summary>The body of <c>PUT …/releases/{version}/offer</c>.</summary>
[GenerateSerializer, Immutable, Alias("census.OfferDefinition")]
public sealed record OfferDefinition
{
    [Id(0), Required] public Pricing? Pricing { get; init; }

    /// <summary>The price in KRW: 0 when free, 1–1,000,000,000 otherwise.</summary>
    [Id(1), Required] public long? PriceKrw { get; init; }
}
