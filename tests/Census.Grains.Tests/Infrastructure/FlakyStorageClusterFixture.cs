using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>
/// A one-silo cluster whose census storage is a <see cref="FlakyGrainStorage"/> (one silo: the flaky
/// storage is a per-silo singleton), with an <see cref="InMemorySurveyIndex"/>.
/// </summary>
public sealed class FlakyStorageClusterFixture : IAsyncLifetime
{
    private readonly InProcessTestCluster _cluster;

    public FlakyStorageClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(sp => new FlakyGrainStorage(sp.GetRequiredService<IGrainStorageSerializer>()));
            silo.Services.AddGrainStorage(Census.Grains.Storage.StorageNames.Census, (sp, _) => sp.GetRequiredService<FlakyGrainStorage>());
            silo.AddCensusTestServices(Index);
        });
        _cluster = builder.Build();
    }

    public IClusterClient Client => _cluster.Client;

    public InProcessTestCluster Cluster => _cluster;

    public FlakyGrainStorage Storage => _cluster.Silos[0].ServiceProvider.GetRequiredService<FlakyGrainStorage>();

    public InMemorySurveyIndex Index { get; } = new();

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FlakyStorageClusterCollection : ICollectionFixture<FlakyStorageClusterFixture>
{
    public const string Name = "flaky-storage-cluster";
}
