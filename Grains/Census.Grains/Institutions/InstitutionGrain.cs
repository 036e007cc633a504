using Census.Contracts.Institutions;
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

    private ApiKeyBook? _keys;
    private IGrainTimer? _saveUses;

    private ApiKeyBook Keys => _keys ??= new ApiKeyBook(() => state.State.ApiKeys);

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

        var now = clock.GetUtcNow();
        Keys.Add(key, now, actor, state.State.Institution.Id);
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

        var outcome = Keys.Revoke(keyId, clock.GetUtcNow(), actor);
        if (outcome != RevokeApiKeyOutcome.Revoked)
        {
            return outcome;
        }

        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("API key {KeyId} of {InstitutionId} revoked by {Actor}", keyId, state.State.Institution.Id, actor);
        return RevokeApiKeyOutcome.Revoked;
    }

    Task<bool> IInstitutionGrain.VerifyApiKey(string keyId, string secretHash)
    {
        var valid = Keys.Verify(keyId, secretHash);
        if (valid)
        {
            Keys.NoteUse(keyId, clock.GetUtcNow());
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

        return Task.FromResult<List<ApiKeySummary>?>(Keys.Summaries());
    }

    private Task SaveUsesAsync(CancellationToken cancellationToken) =>
        state.State.Institution is null ? Task.CompletedTask : Keys.SaveUsesAsync(state.WriteStateAsync, cancellationToken);

    private async Task ListInRegistryAsync()
    {
        await GrainFactory.GetGrain<IInstitutionRegistryGrain>(IInstitutionRegistryGrain.Key).Upsert(state.State.Institution!);
        state.State.Listed = true;
        await state.WriteOrRollBackAsync(this);
    }
}
