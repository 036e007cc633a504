using Census.Contracts.Institutions;
using Census.Contracts.Principals;
using Census.Grains.Institutions;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Principals;

/// <summary>
/// One registered person and their keys, with the same key hygiene as an institution's (<see cref="ApiKeyBook"/>):
/// only hashes stored, revocation at once, verification a read-only call that writes nothing.
/// </summary>
[GrainType("principal")]
public sealed class PrincipalGrain(
    [PersistentState("principal", StorageNames.Census)] IPersistentState<PrincipalState> state,
    TimeProvider clock,
    ILogger<PrincipalGrain> logger) : Grain, IPrincipalGrain
{
    private ApiKeyBook? _keys;
    private IGrainTimer? _saveUses;

    private ApiKeyBook Keys => _keys ??= new ApiKeyBook(() => state.State.ApiKeys);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Principal is not null && !state.State.Listed)
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
            logger.LogWarning(e, "Could not store the last use of {PrincipalId}'s API keys", this.GetPrimaryKeyString());
        }
    }

    async Task<RegisterPrincipalResult> IPrincipalGrain.Register(Principal principal, string actor)
    {
        if (state.State.Principal is { } existing)
        {
            if (!state.State.Listed)
            {
                await ListInRegistryAsync();
            }

            return new RegisterPrincipalResult(false, existing);
        }

        if (principal.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Principal id {principal.Id} does not match grain key {this.GetPrimaryKeyString()}.", nameof(principal));
        }

        state.State.Principal = principal with { CreatedAt = clock.GetUtcNow() };
        state.State.CreatedBy = actor;
        state.State.Listed = false;
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Principal {PrincipalId} registered as {Role} by {Actor}", principal.Id, principal.Role, actor);
        await ListInRegistryAsync();
        return new RegisterPrincipalResult(true, state.State.Principal);
    }

    Task<Principal?> IPrincipalGrain.Get() => Task.FromResult(state.State.Principal);

    async Task<DateTimeOffset?> IPrincipalGrain.AddApiKey(NewApiKey key, string actor)
    {
        if (state.State.Principal is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        Keys.Add(key, now, actor, state.State.Principal.Id);
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("API key {KeyId} issued for principal {PrincipalId} by {Actor}", key.KeyId, state.State.Principal.Id, actor);
        return now;
    }

    async Task<RevokeApiKeyOutcome> IPrincipalGrain.RevokeApiKey(string keyId, string actor)
    {
        if (state.State.Principal is null)
        {
            return RevokeApiKeyOutcome.InstitutionNotFound;
        }

        var outcome = Keys.Revoke(keyId, clock.GetUtcNow(), actor);
        if (outcome != RevokeApiKeyOutcome.Revoked)
        {
            return outcome;
        }

        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("API key {KeyId} of principal {PrincipalId} revoked by {Actor}", keyId, state.State.Principal.Id, actor);
        return RevokeApiKeyOutcome.Revoked;
    }

    Task<List<ApiKeySummary>?> IPrincipalGrain.ListApiKeys() =>
        Task.FromResult(state.State.Principal is null ? null : Keys.Summaries());

    Task<Principal?> IPrincipalGrain.VerifyApiKey(string keyId, string secretHash)
    {
        if (state.State.Principal is null || !Keys.Verify(keyId, secretHash))
        {
            return Task.FromResult<Principal?>(null);
        }

        Keys.NoteUse(keyId, clock.GetUtcNow());
        _saveUses ??= this.RegisterGrainTimer(
            SaveUsesAsync,
            new GrainTimerCreationOptions(InstitutionGrain.LastUsePersistPeriod, InstitutionGrain.LastUsePersistPeriod) { KeepAlive = false });
        return Task.FromResult<Principal?>(state.State.Principal);
    }

    private Task SaveUsesAsync(CancellationToken cancellationToken) =>
        state.State.Principal is null ? Task.CompletedTask : Keys.SaveUsesAsync(state.WriteStateAsync, cancellationToken);

    private async Task ListInRegistryAsync()
    {
        await GrainFactory.GetGrain<IPrincipalRegistryGrain>(IPrincipalRegistryGrain.Key).Upsert(state.State.Principal!);
        state.State.Listed = true;
        await state.WriteOrRollBackAsync(this);
    }
}
