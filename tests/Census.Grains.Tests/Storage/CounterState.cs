namespace Census.Grains.Tests.Storage;

/// <summary>A small state type for exercising grain storage directly.</summary>
public sealed class CounterState
{
    public string Name { get; set; } = "";

    public int Count { get; set; }

    public List<string> Tags { get; set; } = [];
}
