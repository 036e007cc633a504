using Census.Contracts.SafeZones;
using Census.Grains.Storage;

namespace Census.Grains.SafeZones;

/// <summary>The ids of every site, in the order they were added.</summary>
[GrainType("safe-zone-registry")]
public sealed class SafeZoneRegistryGrain(
    [PersistentState("safe-zone-registry", StorageNames.Census)] IPersistentState<SafeZoneRegistryState> state) : Grain, ISafeZoneRegistryGrain
{
    async Task ISafeZoneRegistryGrain.Add(string siteId)
    {
        if (state.State.SiteIds.Contains(siteId))
        {
            return;
        }

        state.State.SiteIds.Add(siteId);
        await state.WriteOrRollBackAsync(this);
    }

    Task<List<string>> ISafeZoneRegistryGrain.Ids() => Task.FromResult(state.State.SiteIds.ToList());
}
