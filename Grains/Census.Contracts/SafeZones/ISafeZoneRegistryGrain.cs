using Orleans.Concurrency;

namespace Census.Contracts.SafeZones;

/// <summary>The ids of every safe-zone site (tens), for listings. One instance, key <see cref="Key"/>.</summary>
[Alias("census.ISafeZoneRegistryGrain")]
public interface ISafeZoneRegistryGrain : IGrainWithStringKey
{
    const string Key = "all";

    /// <summary>Adds a site id (again: nothing changes). Added before the site is stored, so a listed id may name no site.</summary>
    [Alias("Add")]
    Task Add(string siteId);

    [Alias("Ids"), ReadOnly]
    Task<List<string>> Ids();
}
