using System.Net;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>Two silo processes and a gateway on a fresh database, ready when the gateway sees both silos.</summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    public TestPostgres Database { get; private set; } = null!;
    public SiloProcess First { get; private set; } = null!;
    public SiloProcess Second { get; private set; } = null!;
    public ClusterGateway Gateway { get; private set; } = null!;
    public string ClusterId { get; } = "it-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        Database = await TestPostgres.CreateAsync();

        // Both silos start at once: they race to apply the schema, which the migrator's lock serialises.
        First = SiloProcess.Start(Database.ConnectionString, ClusterId);
        Second = SiloProcess.Start(Database.ConnectionString, ClusterId);
        await Eventually.Succeeds(
            () => Database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = 3"),
            active => active == 2 || First.HasExited || Second.HasExited,
            TimeSpan.FromSeconds(90),
            "two active silos");
        if (First.HasExited || Second.HasExited)
        {
            throw new InvalidOperationException("A silo exited during start-up:\n" + First.Output + "\n---\n" + Second.Output);
        }

        Gateway = await ClusterGateway.StartAsync(Database.ConnectionString, ClusterId);
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        First?.Dispose();
        Second?.Dispose();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
