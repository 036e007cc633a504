using System.Collections.Concurrent;
using System.Diagnostics;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// A real gateway process (the ApiGateway project's build output) in cluster mode: unlike
/// <see cref="ClusterGateway"/>, it can be started before any silo exists, and stopped by signal.
/// </summary>
public sealed class GatewayProcess : IDisposable
{
    public const string AdminKey = ClusterGateway.AdminKey;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private GatewayProcess(Process process, int port)
    {
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join(Environment.NewLine, _output);

    public static GatewayProcess Start(string connectionString, string clusterId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = Census.Testing.FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [SiloProcess.BuildOutput("ApiGateway"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Census"] = connectionString;
        start.Environment["Census__Mode"] = "cluster";
        start.Environment["Census__ClusterId"] = clusterId;
        start.Environment["Census__ServiceId"] = clusterId;
        start.Environment["Census__Auth__AdminKeys__0"] = AdminKey;
        start.Environment["Census__Releases__StorePath"] = ClusterGateway.ReleaseStore(clusterId);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var gateway = new GatewayProcess(process, port);
        SiloProcess.StartCapturing(process, gateway._output);
        return gateway;
    }

    public HttpClient CreateAdminClient()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>SIGTERM, as an orchestrator stops a process; true if it exited within the timeout.</summary>
    public bool Terminate(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill!.WaitForExit();
        }

        return _process.WaitForExit(timeout);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
