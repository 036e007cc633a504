using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>
/// One in-process silo with memory storage under the census storage name, shared by a test collection.
/// Tests keep out of each other's way by using their own ids (<see cref="UniqueIds"/>).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly InProcessTestCluster _cluster;

    public ClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(Census.Grains.Storage.StorageNames.Census);
            silo.UseInMemoryReminderService();
            silo.Services.TryAddSingleton(TimeProvider.System);
        });
        _cluster = builder.Build();
    }

    public IClusterClient Client => _cluster.Client;

    public InProcessTestCluster Cluster => _cluster;

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
