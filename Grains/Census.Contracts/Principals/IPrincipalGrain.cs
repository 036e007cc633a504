using Census.Contracts.Institutions;
using Orleans.Concurrency;

namespace Census.Contracts.Principals;

/// <summary>One registered person (reviewer, requester, zone operator, output checker) and their API keys. Key: the principal id.</summary>
[Alias("census.IPrincipalGrain")]
public interface IPrincipalGrain : IGrainWithStringKey
{
    /// <summary>Registers the principal, or returns the existing one with <c>Created = false</c>.</summary>
    [Alias("Register")]
    Task<RegisterPrincipalResult> Register(Principal principal, string actor);

    [Alias("Get"), ReadOnly]
    Task<Principal?> Get();

    /// <summary>Stores a new key's hash. Null when the principal does not exist.</summary>
    [Alias("AddApiKey")]
    Task<DateTimeOffset?> AddApiKey(NewApiKey key, string actor);

    [Alias("RevokeApiKey")]
    Task<RevokeApiKeyOutcome> RevokeApiKey(string keyId, string actor);

    [Alias("ListApiKeys"), ReadOnly]
    Task<List<ApiKeySummary>?> ListApiKeys();

    /// <summary>The principal when the key exists, is not revoked and its secret hashes to the stored value; otherwise null.</summary>
    [Alias("VerifyApiKey"), ReadOnly]
    Task<Principal?> VerifyApiKey(string keyId, string secretHash);
}

[GenerateSerializer, Immutable, Alias("census.RegisterPrincipalResult")]
public sealed record RegisterPrincipalResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] Principal Principal);

/// <summary>Every registered principal (hundreds), for admin listings. One instance, key <see cref="Key"/>; on no hot path.</summary>
[Alias("census.IPrincipalRegistryGrain")]
public interface IPrincipalRegistryGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("Upsert")]
    Task Upsert(Principal principal);

    /// <summary>A page of principals ordered by id, optionally of one role and of one organisation.</summary>
    [Alias("List"), ReadOnly]
    Task<Census.Contracts.Common.Page<Principal>> List(PrincipalRole? role, string? organisation, int page, int pageSize);
}
