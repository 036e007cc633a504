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

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public bool HasExited => _process.HasExited;

    public string Output => string.Join(Environment.NewLine, _output);

    public static SiloProcess Start(string connectionString, string clusterId)
    {
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
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

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(process, siloPort, gatewayPort);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) silo._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) silo._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
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

    /// <summary>Silo.dll of the same build configuration as this test assembly.</summary>
    private static string SiloBinary()
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

        var binary = Path.Combine(root.FullName, "Silo", "bin", configuration, "net10.0", "Silo.dll");
        return File.Exists(binary)
            ? binary
            : throw new InvalidOperationException($"{binary} is missing: build the solution (dotnet build Actors.sln -c {configuration}) first.");
    }
}
