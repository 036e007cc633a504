using System.Diagnostics;
using Npgsql;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of a test's own: <c>initdb</c> into a temporary directory, <c>pg_ctl</c> on a free
/// loopback port. A fault test may stop and restart it without touching the machine's shared server,
/// which other tests and other people use at the same time.
/// </summary>
/// <remarks>
/// Needs the PostgreSQL server binaries (Debian: <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, as
/// installed by deploy/postgres/ensure-local.sh); without them it fails, it never skips. initdb refuses
/// to run as root, so as root every server command runs as the <c>postgres</c> user via
/// <c>runuser</c>. The server is stopped (and, failing that, killed) on dispose and when the test
/// process exits, so no test leaves a postmaster behind.
/// </remarks>
public sealed class PrivatePostgres : IAsyncDisposable
{
    public const string DatabaseName = "census";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _binDirectory;
    private readonly string _dataDirectory;
    private readonly bool _asPostgresUser;
    private bool _disposed;

    private PrivatePostgres(string binDirectory, string dataDirectory, int port, bool asPostgresUser)
    {
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        _asPostgresUser = asPostgresUser;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public int Port { get; }

    /// <summary>The <c>census</c> database, as the silos and the gateway use it (pooled, like production).</summary>
    public string ConnectionString =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = DatabaseName,
        }.ToString();

    /// <summary>The same database for the test's own checks: unpooled, so a restart leaves no broken connection behind.</summary>
    public string CheckConnectionString =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 5 }.ToString();

    public bool IsRunning { get; private set; }

    /// <summary>Creates the cluster, starts it, and creates the <c>census</c> database.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = FindBinDirectory();
        var asPostgres = Environment.UserName == "root";
        var data = Path.Combine(Path.GetTempPath(), "census-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var server = new PrivatePostgres(bin, data, Census.Testing.FreePort.Next(), asPostgres);
        try
        {
            // initdb creates the directory itself, so it belongs to whoever runs the server.
            await server.RunAsync("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
            await server.StartServerAsync();
            await using var connection = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(server.CheckConnectionString) { Database = "postgres" }.ToString());
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fast shutdown: open sessions are terminated, as when an operator restarts the server.</summary>
    public async Task StopAsync()
    {
        await RunAsync("pg_ctl", "-D", _dataDirectory, "-m", "fast", "-w", "-t", "60", "stop");
        IsRunning = false;
    }

    public Task StartServerAsync() => StartInternalAsync();

    /// <summary>Stops the server, keeps it down for <paramref name="downtime"/>, and starts it again.</summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        await StopAsync();
        await Task.Delay(downtime);
        await StartInternalAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(CheckConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            if (Directory.Exists(_dataDirectory))
            {
                await RunAsync("pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop").WaitAsync(TimeSpan.FromSeconds(40));
            }
        }
        catch
        {
            // Not running, or pg_ctl failed: the kill below makes sure.
        }

        KillPostmaster();
        IsRunning = false;
        try
        {
            if (Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless; a server left running is not.
        }
    }

    private async Task StartInternalAsync()
    {
        // Unix sockets go into the data directory: the shared server owns the default socket directory.
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {_dataDirectory} -c max_connections=200";
        await RunAsync("pg_ctl", "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start");
        IsRunning = true;
    }

    private void OnProcessExit(object? sender, EventArgs e) => KillPostmaster();

    /// <summary>The postmaster's pid is the first line of postmaster.pid; SIGKILL it if it still runs.</summary>
    private void KillPostmaster()
    {
        try
        {
            var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
            if (!File.Exists(pidFile))
            {
                return;
            }

            var pid = int.Parse(File.ReadLines(pidFile).First().Trim(), System.Globalization.CultureInfo.InvariantCulture);
            using var postmaster = Process.GetProcessById(pid);
            postmaster.Kill(entireProcessTree: true);
            postmaster.WaitForExit(10_000);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private async Task RunAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(_binDirectory, tool);
        var start = _asPostgresUser
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : new ProcessStartInfo(executable, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        // The postgres user may not be allowed into the test's working directory (a checkout under /root).
        start.WorkingDirectory = Path.GetTempPath();
        // pg_ctl's -w waits for the server; its stdout must not keep this call waiting once it returns.
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within {CommandTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_dataDirectory, "server.log");
            throw new InvalidOperationException(
                $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}" +
                (File.Exists(log) ? "\nserver.log:\n" + await File.ReadAllTextAsync(log) : ""));
        }
    }

    /// <summary><c>pg_config --bindir</c> if it is there, else the newest /usr/lib/postgresql/*/bin with initdb.</summary>
    private static string FindBinDirectory()
    {
        try
        {
            using var pgConfig = Process.Start(new ProcessStartInfo("pg_config", ["--bindir"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (pgConfig is not null)
            {
                var bin = pgConfig.StandardOutput.ReadToEnd().Trim();
                pgConfig.WaitForExit();
                if (pgConfig.ExitCode == 0 && File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                {
                    return bin;
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on PATH (it comes with libpq-dev): look in the server's install directory.
        }

        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries (initdb, pg_ctl) found: neither `pg_config --bindir` nor /usr/lib/postgresql/*/bin has them. " +
            "Install the server (bash deploy/postgres/ensure-local.sh) before running the fault tests.");
    }
}
