namespace Census.Contracts.Institutions;

/// <summary>An institution's API key as admins see it in a list: never its secret, nor the secret's hash.</summary>
/// <param name="KeyId">The key's id (12 lower-case hexadecimal digits), the third part of the key.</param>
/// <param name="CreatedAt">When the key was issued.</param>
/// <param name="RevokedAt">When the key was revoked; absent while it works.</param>
/// <param name="LastUsedAt">
/// When the key last authenticated a request, as far as the census knows: kept in memory and stored at most once
/// an hour per institution, so it may be up to an hour old after a silo failure. Absent when never used.
/// </param>
[GenerateSerializer, Immutable, Alias("census.ApiKeySummary")]
public sealed record ApiKeySummary(
    [property: Id(0)] string KeyId,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset? RevokedAt,
    [property: Id(3)] DateTimeOffset? LastUsedAt);
