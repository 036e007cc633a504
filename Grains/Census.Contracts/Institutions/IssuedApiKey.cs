namespace Census.Contracts.Institutions;

/// <summary>A newly issued API key. <see cref="ApiKey"/> is shown only in this response; only its hash is kept.</summary>
[GenerateSerializer, Immutable, Alias("census.IssuedApiKey")]
public sealed record IssuedApiKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string ApiKey,
    [property: Id(2)] DateTimeOffset CreatedAt);
