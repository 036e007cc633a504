namespace Census.Grains.Rounds;

[GenerateSerializer, Alias("census.RoundRegistryState")]
public sealed class RoundRegistryState
{
    [Id(0)] public SortedSet<string> Rounds { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public SortedSet<string> Open { get; set; } = new(StringComparer.Ordinal);
}
