using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Census.Integration.Tests.Infrastructure;

namespace Census.Integration.Tests;

/// <summary>
/// deploy/local-cluster.sh as an operator uses it: start a cluster, use it, stop it. Each run has its
/// own database, state directory, cluster id and ports, and uses the solution's existing build.
/// The script is for Linux (bash, /proc), and so is this test.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LocalClusterScriptTests : IAsyncLifetime
{
    private const int Silos = 3;

    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "census-lc-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _clusterId = "lc-" + Guid.NewGuid().ToString("N")[..8];
    private readonly int _firstPort = FreePortBlock(10);
    private TestPostgres _database = null!;

    // Ten consecutive ports: silo-to-silo, silo gateway and silo HTTP ports (three each), gateway HTTP.
    private int GatewayHttpPort => _firstPort + 9;

    private string RunDirectory => Path.Combine(_stateDirectory, "run");

    public async Task InitializeAsync() => _database = await TestPostgres.CreateAsync();

    [Fact]
    public async Task Start_brings_up_three_active_silos_and_a_ready_gateway_and_stop_ends_every_process()
    {
        var start = await RunScript("start", "--silos", "3", "--gateways", "1");
        Assert.True(start.ExitCode == 0, "start failed:\n" + start.Output);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{GatewayHttpPort}") };
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(Silos, await ActiveSilos());

        var keyFile = Path.Combine(_stateDirectory, "admin-key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var adminKey = (await File.ReadAllTextAsync(keyFile)).Trim();
        // Terminal output ends up in logs and screen shares: the script names the key's file, never the key.
        Assert.DoesNotContain(adminKey, start.Output, StringComparison.Ordinal);
        Assert.Contains(keyFile, start.Output, StringComparison.Ordinal);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        var created = await http.PostAsync("/api/v1/institutions", new StringContent(
            """{"id":"lc-agency","name":"Local cluster agency","kind":"public-institution","sector":"science-technology"}""",
            Encoding.UTF8,
            "application/json"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}");

        var again = await RunScript("start", "--silos", "3", "--gateways", "1");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already running", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(adminKey, again.Output, StringComparison.Ordinal);

        var pids = RecordedPids();
        Assert.Equal(Silos + 1, pids.Count);

        var stop = await RunScript("stop");
        Assert.True(stop.ExitCode == 0, "stop failed:\n" + stop.Output);
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"process {pid} still runs after stop"));
        Assert.Empty(RecordedPids());
        // SIGTERM lets each silo leave the cluster gracefully: none is left Active in the table.
        Assert.Equal(0, await ActiveSilos());
    }

    public async Task DisposeAsync()
    {
        // A failed run must not leave processes behind: stop through the script, then by recorded pid.
        if (RecordedPids().Count > 0)
        {
            await RunScript("stop");
        }

        // Only a process that still runs a binary of this repository: never a reused pid.
        foreach (var pid in RecordedPids().Where(p => IsRunning(p) && CommandLine(p).Contains(RepositoryRoot(), StringComparison.Ordinal)))
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    private Task<long> ActiveSilos() =>
        _database.ScalarAsync<long>($"SELECT count(*) FROM orleans_membership WHERE deployment_id = '{_clusterId}' AND status = 3");

    private List<int> RecordedPids() =>
        Directory.Exists(RunDirectory)
            ? [.. Directory.GetFiles(RunDirectory, "*.pid").Select(f => int.Parse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture))]
            : [];

    private async Task<(int ExitCode, string Output)> RunScript(params string[] arguments)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "deploy", "local-cluster.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.Environment["CENSUS_LC_STATE_DIR"] = _stateDirectory;
        start.Environment["CENSUS_LC_CONNECTION"] = _database.ConnectionString;
        start.Environment["CENSUS_LC_CLUSTER_ID"] = _clusterId;
        start.Environment["CENSUS_LC_SILO_PORT"] = Port(0);
        start.Environment["CENSUS_LC_SILO_GATEWAY_PORT"] = Port(3);
        start.Environment["CENSUS_LC_SILO_HTTP_PORT"] = Port(6);
        start.Environment["CENSUS_LC_HTTP_PORT"] = Port(9);
        start.Environment["CENSUS_LC_CONFIGURATION"] = BuildConfiguration();
        // The tests run after `dotnet build Actors.sln`: the script uses that build as it is.
        start.Environment["CENSUS_LC_SKIP_BUILD"] = "1";

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private string Port(int offset) => (_firstPort + offset).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Alive and not a zombie, read from /proc (the script's processes are not our children).</summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>
    /// A block of consecutive free ports below the ephemeral range, so no outgoing connection takes
    /// one of them while the cluster starts.
    /// </summary>
    private static int FreePortBlock(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = Random.Shared.Next(20_000, 32_000 - count);
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No block of {count} free ports found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Actors.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Actors.sln not found above " + AppContext.BaseDirectory);
    }
}
