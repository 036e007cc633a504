using Orleans.Concurrency;

namespace Census.Contracts.Institutions;

/// <summary>One registered institution: its profile and the hashes of its API keys. Key: the institution id.</summary>
[Alias("census.IInstitutionGrain")]
public interface IInstitutionGrain : IGrainWithStringKey
{
    /// <summary>Registers the institution, or returns the existing one with <c>Created = false</c>.</summary>
    [Alias("Register")]
    Task<RegisterInstitutionResult> Register(InstitutionProfile profile, string actor);

    /// <summary>The institution, or null when none is registered under this id.</summary>
    [Alias("Get"), ReadOnly]
    Task<Institution?> Get();

    /// <summary>Stores a new key's hash. Null when the institution does not exist.</summary>
    [Alias("AddApiKey")]
    Task<DateTimeOffset?> AddApiKey(NewApiKey key, string actor);

    /// <summary>Revokes a key; it stops authenticating at once.</summary>
    [Alias("RevokeApiKey")]
    Task<RevokeApiKeyOutcome> RevokeApiKey(string keyId, string actor);

    /// <summary>The institution's keys, oldest first, without secrets. Null when the institution does not exist.</summary>
    [Alias("ListApiKeys"), ReadOnly]
    Task<List<ApiKeySummary>?> ListApiKeys();

    /// <summary>
    /// True when the key exists, is not revoked and its secret hashes to the stored value. A success is noted as
    /// the key's last use in memory; it is stored at most once an hour, so verifying writes nothing per request.
    /// </summary>
    [Alias("VerifyApiKey"), ReadOnly]
    Task<bool> VerifyApiKey(string keyId, string secretHash);
}
