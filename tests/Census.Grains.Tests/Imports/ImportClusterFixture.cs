using Census.Grains.Imports;
using Census.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Census.Grains.Tests.Imports;

/// <summary>
/// One silo for the import tests: memory grain storage, the in-memory survey index, and the import store on a SQLite
/// file of its own (through <see cref="ImportStoreProbe"/>). Pages are small, so a few dozen rows make several.
/// </summary>
public sealed class ImportClusterFixture : IAsyncLifetime
{
    public const int PageSize = 10;

    /// <summary>Row writes in flight over every import of the silo: below one import's own 4, so the silo's bound shows.</summary>
    public const int SiloParallelism = 3;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "census-imports-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly InProcessTestCluster _cluster;

    public ImportClusterFixture()
    {
        Store = new ImportStoreProbe(new SqliteImportStore(new LocalStore(Path.Combine(_directory, "census.db"))));
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Census);
            silo.AddCensusTestServices(Index);
            silo.AddIncomingGrainCallFilter(Calls);
            silo.AddIncomingGrainCallFilter(InFlight);
            silo.Services.AddSingleton<IImportStore>(Store);
            silo.Services.AddSingleton<ImportWriteSlots>();
            silo.Services.Configure<ImportOptions>(o =>
            {
                o.PageSize = PageSize;
                o.Parallelism = 4;
                o.SiloParallelism = SiloParallelism;
                o.RetryDelay = TimeSpan.FromMilliseconds(50);
            });
        });
        _cluster = builder.Build();
    }

    public IClusterClient Client => _cluster.Client;

    public InMemorySurveyIndex Index { get; } = new();

    public GrainCallCounter Calls { get; } = new();

    public InFlightCounter InFlight { get; } = new();

    public ImportStoreProbe Store { get; }

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
