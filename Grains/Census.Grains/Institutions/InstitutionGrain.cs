using Census.Contracts.Institutions;
using Census.Domain.Security;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Institutions;

/// <summary>
/// One institution: profile and API-key hashes. Key verification is a read-only call so that many
/// requests of one agency interleave instead of queueing behind each other; it writes nothing. A key's last
/// use is noted in memory and stored by a timer at most once an hour (and when the grain deactivates), so
/// <c>lastUsedAt</c> costs one state write per institution per hour of use, not one per request.
/// </summary>
[GrainType("institution")]
public sealed class InstitutionGrain(
    [PersistentState("institution", StorageNames.Census)] IPersistentState<InstitutionState> state,
    TimeProvider clock,
    ILogger<InstitutionGrain> logger) : Grain, IInstitutionGrain
{
    /// <summary>How often noted uses are stored while keys are in use.</summary>
    public static readonly TimeSpan LastUsePersistPeriod = TimeSpan.FromHours(1);

    private readonly Dictionary<string, DateTimeOffset> _unsavedUses = new(StringComparer.Ordinal);
    private IGrainTimer? _saveUses;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The registry is written after this grain's own state. If a crash fell between the two,
        // the first activation afterwards finishes the listing.
        if (state.State.Institution is not null && !state.State.Listed)
        {
            await ListInRegistryAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await SaveUsesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only last-use times are lost, and they are advisory.
            logger.LogWarning(e, "Could not store the last use of {InstitutionId}'s API keys", this.GetPrimaryKeyString());
        }
    }

    async Task<RegisterInstitutionResult> IInstitutionGrain.Register(InstitutionProfile profile, string actor)
    {
        if (state.State.Institution is { } existing)
        {
            if (!state.State.Listed)
            {
                await ListInRegistryAsync();
            }

            return new RegisterInstitutionResult(false, existing);
        }

        if (profile.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Profile id {profile.Id} does not match grain key {this.GetPrimaryKeyString()}.", nameof(profile));
        }

        var institution = new Institution(
            profile.Id, profile.Name, profile.NameEn, profile.Kind, profile.Sector, profile.ContactEmail, clock.GetUtcNow());
        state.State.Institution = institution;
        state.State.CreatedBy = actor;
        state.State.Listed = false;
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Institution {InstitutionId} registered by {Actor}", institution.Id, actor);
        await ListInRegistryAsync();
        return new RegisterInstitutionResult(true, institution);
    }

    Task<Institution?> IInstitutionGrain.Get() => Task.FromResult(state.State.Institution);

    async Task<DateTimeOffset?> IInstitutionGrain.AddApiKey(NewApiKey key, string actor)
    {
        if (state.State.Institution is null)
        {
            return null;
        }

        if (state.State.ApiKeys.ContainsKey(key.KeyId))
        {
            // 48 random bits make this practically impossible; never let a new key reuse an old slot.
            throw new InvalidOperationException($"Key id {key.KeyId} already exists for {state.State.Institution.Id}.");
        }

        var now = clock.GetUtcNow();
        state.State.ApiKeys[key.KeyId] = new ApiKeyRecord { SecretHash = key.SecretHash, CreatedAt = now, CreatedBy = actor };
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("API key {KeyId} issued for {InstitutionId} by {Actor}", key.KeyId, state.State.Institution.Id, actor);
        return now;
    }

    async Task<RevokeApiKeyOutcome> IInstitutionGrain.RevokeApiKey(string keyId, string actor)
    {
        if (state.State.Institution is null)
        {
            return RevokeApiKeyOutcome.InstitutionNotFound;
        }

        if (!state.State.ApiKeys.TryGetValue(keyId, out var key))
        {
            return RevokeApiKeyOutcome.KeyNotFound;
        }

        if (key.RevokedAt is not null)
        {
            return RevokeApiKeyOutcome.AlreadyRevoked;
        }

        key.RevokedAt = clock.GetUtcNow();
        key.RevokedBy = actor;
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("API key {KeyId} of {InstitutionId} revoked by {Actor}", keyId, state.State.Institution.Id, actor);
        return RevokeApiKeyOutcome.Revoked;
    }

    Task<bool> IInstitutionGrain.VerifyApiKey(string keyId, string secretHash)
    {
        var valid = state.State.ApiKeys.TryGetValue(keyId, out var key) &&
            key.RevokedAt is null &&
            ApiKeys.HashesEqual(key.SecretHash, secretHash);
        if (valid)
        {
            _unsavedUses[keyId] = clock.GetUtcNow();
            _saveUses ??= this.RegisterGrainTimer(
                SaveUsesAsync, new GrainTimerCreationOptions(LastUsePersistPeriod, LastUsePersistPeriod) { KeepAlive = false });
        }

        return Task.FromResult(valid);
    }

    Task<List<ApiKeySummary>?> IInstitutionGrain.ListApiKeys()
    {
        if (state.State.Institution is null)
        {
            return Task.FromResult<List<ApiKeySummary>?>(null);
        }

        var keys = state.State.ApiKeys
            .OrderBy(k => k.Value.CreatedAt).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => new ApiKeySummary(k.Key, k.Value.CreatedAt, k.Value.RevokedAt, LastUse(k.Key, k.Value)))
            .ToList();
        return Task.FromResult<List<ApiKeySummary>?>(keys);
    }

    private DateTimeOffset? LastUse(string keyId, ApiKeyRecord key) =>
        _unsavedUses.TryGetValue(keyId, out var noted) && (key.LastUsedAt is null || noted > key.LastUsedAt) ? noted : key.LastUsedAt;

    private async Task SaveUsesAsync(CancellationToken cancellationToken)
    {
        if (_unsavedUses.Count == 0 || state.State.Institution is null)
        {
            return;
        }

        var saved = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var (keyId, usedAt) in _unsavedUses)
        {
            if (state.State.ApiKeys.TryGetValue(keyId, out var key))
            {
                saved[keyId] = key.LastUsedAt;
                key.LastUsedAt = LastUse(keyId, key);
            }
        }

        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            // Leave the state as storage has it; the uses stay noted for the next try.
            foreach (var (keyId, previous) in saved)
            {
                state.State.ApiKeys[keyId].LastUsedAt = previous;
            }

            throw;
        }

        _unsavedUses.Clear();
    }

    private async Task ListInRegistryAsync()
    {
        await GrainFactory.GetGrain<IInstitutionRegistryGrain>(IInstitutionRegistryGrain.Key).Upsert(state.State.Institution!);
        state.State.Listed = true;
        await state.WriteOrRollBackAsync(this);
    }
}
