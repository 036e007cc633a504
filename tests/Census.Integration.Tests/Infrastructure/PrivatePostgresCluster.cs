namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// Two silo processes and the cluster gateway on a PostgreSQL server of the fixture's own
/// (<see cref="PrivatePostgres"/>), which tests may stop and restart. Every test leaves the server running.
/// </summary>
public sealed class PrivatePostgresCluster : IAsyncLifetime
{
    public PrivatePostgres Database { get; private set; } = null!;

    public SiloCluster Cluster { get; private set; } = null!;

    public TimeSpan StartedIn { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Database = await PrivatePostgres.StartAsync();
        try
        {
            Cluster = await SiloCluster.StartAsync(Database.ConnectionString, Database.CheckConnectionString, silos: 2);
        }
        catch
        {
            // A fixture that fails to start is not disposed by xunit: never leave the server behind.
            await Database.DisposeAsync();
            throw;
        }

        StartedIn = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
