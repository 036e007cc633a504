using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// N silo processes and the cluster gateway on a given database, for fault tests: silos can be killed,
/// stopped with SIGTERM and started again, and the gateway stopped and started, one at a time or all
/// together. Disposing kills whatever still runs.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    /// <summary>The silo host's own <c>HostOptions.ShutdownTimeout</c> (Silo/Program.cs).</summary>
    public static readonly TimeSpan SiloShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a test waits beyond the shutdown timeout before calling a stop hung.</summary>
    public static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _checkConnectionString;

    private SiloCluster(string connectionString, string checkConnectionString, string clusterId)
    {
        ConnectionString = connectionString;
        _checkConnectionString = checkConnectionString;
        ClusterId = clusterId;
    }

    /// <summary>What the silos and the gateway connect with.</summary>
    public string ConnectionString { get; }

    public string ClusterId { get; }

    public List<SiloProcess> Silos { get; } = [];

    public ClusterGateway? Gateway { get; private set; }

    /// <summary>
    /// Starts <paramref name="silos"/> silo processes at once and waits until all are active, then
    /// starts the gateway and waits until it is ready.
    /// </summary>
    /// <param name="connectionString">What the silos and the gateway connect with.</param>
    /// <param name="checkConnectionString">For the test's own queries (membership); unpooled is best.</param>
    /// <param name="silos">How many silo processes.</param>
    public static async Task<SiloCluster> StartAsync(string connectionString, string checkConnectionString, int silos)
    {
        var cluster = new SiloCluster(connectionString, checkConnectionString, "fault-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                cluster.Silos.Add(SiloProcess.Start(connectionString, cluster.ClusterId));
            }

            await cluster.WaitUntilActiveAsync(cluster.Silos, since: 0);
            await cluster.StartGatewayAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a (new) gateway and waits until /health/ready answers 200.</summary>
    public async Task StartGatewayAsync()
    {
        if (Gateway is not null)
        {
            throw new InvalidOperationException("The gateway is already running.");
        }

        Gateway = await ClusterGateway.StartAsync(ConnectionString, ClusterId, StartTimeout);
    }

    public async Task StopGatewayAsync()
    {
        if (Gateway is { } gateway)
        {
            Gateway = null;
            await gateway.DisposeAsync();
        }
    }

    /// <summary>SIGTERM to one silo; waits for its exit (the shutdown timeout plus a grace period).</summary>
    public Task<SiloExit> TerminateAsync(int silo) => Silos[silo].TerminateAsync(SiloShutdownTimeout + ExitGrace);

    /// <summary>SIGTERM to every silo at once; waits for all to exit.</summary>
    public async Task<IReadOnlyList<SiloExit>> TerminateAllAsync() =>
        await Task.WhenAll(Silos.Select(s => s.TerminateAsync(SiloShutdownTimeout + ExitGrace)));

    /// <summary>Starts a stopped or killed silo again (same ports) and waits until it is active.</summary>
    public async Task<TimeSpan> StartAgainAsync(int silo)
    {
        var clock = Stopwatch.StartNew();
        var since = await LatestGenerationAsync(Silos[silo].SiloPort);
        var stopped = Silos[silo];
        Silos[silo] = stopped.StartAgain();
        stopped.Dispose();
        await WaitUntilActiveAsync([Silos[silo]], since);
        return clock.Elapsed;
    }

    /// <summary>Starts every silo again at once (after a full stop) and waits until all are active.</summary>
    public async Task StartAllAgainAsync()
    {
        var since = 0;
        foreach (var silo in Silos)
        {
            since = Math.Max(since, await LatestGenerationAsync(silo.SiloPort));
        }

        for (var i = 0; i < Silos.Count; i++)
        {
            var stopped = Silos[i];
            Silos[i] = stopped.StartAgain();
            stopped.Dispose();
        }

        await WaitUntilActiveAsync(Silos, since);
    }

    /// <summary>How many silos of this cluster the membership table lists in <paramref name="status"/> (3 active, 6 dead).</summary>
    public async Task<long> CountSilosAsync(int status, int? port = null)
    {
        await using var connection = new NpgsqlConnection(_checkConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = $2 AND ($3::int IS NULL OR port = $3)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)port ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopGatewayAsync();
        }
        finally
        {
            foreach (var silo in Silos)
            {
                silo.Dispose();
            }
        }
    }

    /// <summary>Every given silo has a membership row newer than <paramref name="since"/> in status Active.</summary>
    private async Task WaitUntilActiveAsync(List<SiloProcess> silos, int since)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (silos.FirstOrDefault(s => s.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"Silo on port {exited.SiloPort} exited during start-up:\n{exited.Output}");
            }

            var active = 0;
            try
            {
                foreach (var silo in silos)
                {
                    active += await IsActiveAsync(silo.SiloPort, since) ? 1 : 0;
                }
            }
            catch (NpgsqlException)
            {
                // The schema may not exist yet: the first silo is still migrating.
            }

            if (active == silos.Count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{silos.Count - active} of {silos.Count} silo(s) not active within {StartTimeout}:\n" +
                    string.Join("\n---\n", silos.Select(s => s.Output)));
            }

            await Task.Delay(250);
        }
    }

    private async Task<bool> IsActiveAsync(int port, int since)
    {
        await using var connection = new NpgsqlConnection(_checkConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND port = $2 AND generation > $3 AND status = 3", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = port });
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private async Task<int> LatestGenerationAsync(int port)
    {
        await using var connection = new NpgsqlConnection(_checkConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(max(generation), 0) FROM orleans_membership WHERE deployment_id = $1 AND port = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = port });
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
