using Census.Contracts.Access;
using Census.Grains.Storage;

namespace Census.Grains.Access;

/// <summary>One user organisation; the registry is told of every change after it is stored.</summary>
[GrainType("organisation")]
public sealed class OrganisationGrain(
    [PersistentState("organisation", StorageNames.Census)] IPersistentState<OrganisationState> state,
    TimeProvider clock) : Grain, IOrganisationGrain
{
    async Task<(bool Created, Organisation Organisation)> IOrganisationGrain.Register(Organisation organisation)
    {
        if (state.State.Organisation is { } existing)
        {
            return (false, existing);
        }

        state.State.Organisation = organisation;
        await state.WriteOrRollBackAsync(this);
        await GrainFactory.GetGrain<IOrganisationRegistryGrain>(IOrganisationRegistryGrain.Key).Upsert(organisation);
        return (true, organisation);
    }

    /// <summary>A registry write that failed after the organisation was stored is made good on the next activation.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Organisation is { } organisation)
        {
            await GrainFactory.GetGrain<IOrganisationRegistryGrain>(IOrganisationRegistryGrain.Key).Upsert(organisation);
        }
    }

    Task<Organisation?> IOrganisationGrain.Get() => Task.FromResult(state.State.Organisation);

    async Task<Organisation?> IOrganisationGrain.Verify(string note, string actor)
    {
        if (state.State.Organisation is not { } organisation)
        {
            return null;
        }

        if (organisation.VerifiedAt is null)
        {
            state.State.Organisation = organisation with { VerifiedAt = clock.GetUtcNow(), VerifiedBy = actor, VerificationNote = note };
            await state.WriteOrRollBackAsync(this);
        }

        await GrainFactory.GetGrain<IOrganisationRegistryGrain>(IOrganisationRegistryGrain.Key).Upsert(state.State.Organisation);
        return state.State.Organisation;
    }
}
