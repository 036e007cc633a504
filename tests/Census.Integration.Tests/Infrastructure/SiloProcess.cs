using System.Collections.Concurrent;
using System.Diagnostics;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// A real silo process (the Silo project's build output) in cluster mode on a test database.
/// <see cref="Kill"/> sends SIGKILL: no graceful shutdown, no chance to write anything more.
/// </summary>
public sealed partial class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, int siloPort, int gatewayPort, int httpPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>The silo's HTTP endpoint (probes, metrics, dashboard), on 127.0.0.1.</summary>
    public int HttpPort { get; }

    /// <summary>The base address of <see cref="HttpPort"/>.</summary>
    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    public bool HasExited => _process.HasExited;

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts a silo; <c>settings</c> are more environment variables for it (e.g. <c>Census__Dashboard__Enabled</c>).</summary>
    public static SiloProcess Start(string connectionString, string clusterId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var siloPort = Census.Testing.FreePort.Next();
        var gatewayPort = Census.Testing.FreePort.Next();
        var httpPort = Census.Testing.FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [SiloBinary()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Census"] = connectionString;
        start.Environment["Census__Mode"] = "cluster";
        start.Environment["Census__ClusterId"] = clusterId;
        start.Environment["Census__ServiceId"] = clusterId;
        start.Environment["Census__Silo__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Census__Silo__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Census__Silo__AdvertisedAddress"] = "127.0.0.1";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(process, siloPort, gatewayPort, httpPort);
        StartCapturing(process, silo._output);
        return silo;
    }

    /// <summary>Starts <paramref name="process"/> with its stdout and stderr lines collected into <paramref name="output"/>.</summary>
    internal static void StartCapturing(Process process, ConcurrentQueue<string> output)
    {
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static string SiloBinary() => BuildOutput("Silo");

    /// <summary>A project's built DLL (Silo, ApiGateway) of the same build configuration as this test assembly.</summary>
    internal static string BuildOutput(string project)
    {
        var testDirectory = AppContext.BaseDirectory;
        var configuration = testDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var root = new DirectoryInfo(testDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Actors.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("Actors.sln not found above " + testDirectory);
        }

        var binary = Path.Combine(root.FullName, project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(binary)
            ? binary
            : throw new InvalidOperationException($"{binary} is missing: build the solution (dotnet build Actors.sln -c {configuration}) first.");
    }
}
