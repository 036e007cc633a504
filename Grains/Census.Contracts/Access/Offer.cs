namespace Census.Contracts.Access;

/// <summary>The offer of one release version: its pricing, price in KRW (0 when free) and the agreement it comes with.</summary>
[GenerateSerializer, Immutable, Alias("census.Offer")]
public sealed record Offer(
    [property: Id(0)] string Version,
    [property: Id(1)] Pricing Pricing,
    [property: Id(2)] long PriceKrw,
    [property: Id(3)] int? AgreementVersion,
    [property: Id(4)] DateTimeOffset SetAt,
    [property: Id(5)] string SetBy);
