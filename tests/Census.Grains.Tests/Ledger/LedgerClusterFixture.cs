using Census.Grains.Ledger;
using Census.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Census.Grains.Tests.Ledger;

/// <summary>
/// One in-process silo whose ledgers live in a local-mode SQLite file, as in local mode. <see cref="Store"/> is the
/// same table the silo writes, for tests that play another writer or read what was stored.
/// </summary>
public sealed class LedgerClusterFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "census-ledger-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly InProcessTestCluster _cluster;

    public LedgerClusterFixture()
    {
        DatabasePath = Path.Combine(_directory, "census.db");
        Store = new SqliteLedgerStore(new LocalStore(DatabasePath));
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<ILedgerStore>(new SqliteLedgerStore(new LocalStore(DatabasePath)));
        });
        _cluster = builder.Build();
    }

    public string DatabasePath { get; }

    public ILedgerStore Store { get; }

    public IClusterClient Client => _cluster.Client;

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

