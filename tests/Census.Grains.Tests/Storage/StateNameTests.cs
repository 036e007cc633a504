using System.Reflection;

namespace Census.Grains.Tests.Storage;

/// <summary>
/// The ADO.NET grain storage finds a state by its state name and the grain's key, not by the grain's type: two grain
/// types whose states share a name and a key (e.g. "registry" of key "all") would read and overwrite one row. The
/// institution and principal registries did, and every institution registered after a principal was a version conflict.
/// </summary>
public sealed class StateNameTests
{
    [Fact]
    public void Every_grain_states_under_a_name_of_its_own()
    {
        var names = typeof(Census.Grains.Storage.StorageNames).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<GrainTypeAttribute>() is not null)
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters())
                .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
                .OfType<PersistentStateAttribute>()
                .Select(a => (Grain: t.Name, a.StateName)))
            .ToList();

        Assert.NotEmpty(names);
        var shared = names.GroupBy(n => n.StateName).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(n => n.Grain))}").ToList();
        Assert.Empty(shared);
    }
}
