using Census.Contracts.Access;
using Census.Grains.Storage;

namespace Census.Grains.Access;

/// <summary>One grant (key: the grant id): issued once, revocable with a reason while live.</summary>
[GrainType("grant")]
public sealed class GrantGrain(
    [PersistentState("grant", StorageNames.Census)] IPersistentState<GrantState> state,
    TimeProvider clock) : Grain, IGrantGrain
{
    async Task<Grant> IGrantGrain.Issue(Grant grant)
    {
        if (state.State.Grant is { } issued)
        {
            return issued;
        }

        if (grant.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Grant '{grant.Id}' issued on grain '{this.GetPrimaryKeyString()}'.", nameof(grant));
        }

        state.State.Grant = grant with { Status = GrantStatus.Live, EndedAt = null, EndedBy = null, EndReason = null };
        await state.WriteOrRollBackAsync(this);
        return state.State.Grant;
    }

    Task<Grant?> IGrantGrain.Get() => Task.FromResult(state.State.Grant);

    async Task<Grant?> IGrantGrain.Revoke(string reason, string actor)
    {
        if (state.State.Grant is not { Status: GrantStatus.Live } live)
        {
            return state.State.Grant;
        }

        state.State.Grant = live with { Status = GrantStatus.Revoked, EndedAt = clock.GetUtcNow(), EndedBy = actor, EndReason = reason };
        await state.WriteOrRollBackAsync(this);
        return state.State.Grant;
    }
}
