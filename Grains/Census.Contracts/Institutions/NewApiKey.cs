namespace Census.Contracts.Institutions;

/// <summary>What an institution grain stores for a key the gateway generated: never the secret itself.</summary>
[GenerateSerializer, Immutable, Alias("census.NewApiKey")]
public sealed record NewApiKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string SecretHash);
