namespace Census.Grains.SafeZones;

[GenerateSerializer, Alias("census.SafeZoneRegistryState")]
public sealed class SafeZoneRegistryState
{
    [Id(0)] public List<string> SiteIds { get; set; } = [];
}
