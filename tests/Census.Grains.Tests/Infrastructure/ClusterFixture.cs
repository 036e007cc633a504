using Orleans.Hosting;
using Orleans.TestingHost;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>
/// Two in-process silos with memory storage under the census storage name and one shared
/// <see cref="InMemorySurveyIndex"/>, shared by a test collection. Tests keep out of each other's way
/// by using their own ids (<see cref="UniqueIds"/>).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly InProcessTestCluster _cluster;

    public ClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(Census.Grains.Storage.StorageNames.Census);
            silo.AddCensusTestServices(Index);
            silo.AddIncomingGrainCallFilter(Calls);
        });
        _cluster = builder.Build();
    }

    public IClusterClient Client => _cluster.Client;

    public InProcessTestCluster Cluster => _cluster;

    /// <summary>The calls the silos of this cluster received.</summary>
    public GrainCallCounter Calls { get; } = new();

    /// <summary>The survey index every silo of this cluster writes to.</summary>
    public InMemorySurveyIndex Index { get; } = new();

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
