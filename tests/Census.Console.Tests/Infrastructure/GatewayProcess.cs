using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Census.Console.Tests.Infrastructure;

/// <summary>
/// The gateway started as a user starts it (README: the built ApiGateway, local mode, no admin key configured): its
/// own process, its own data directory, the admin key it generates on first start read from <c>data/admin-key</c>.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    private GatewayProcess(Process process, string dataDirectory, string baseUrl)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The admin key the gateway generated on its first start.</summary>
    public string AdminKey => File.ReadAllText(Path.Combine(_dataDirectory, "admin-key")).Trim();

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<GatewayProcess> StartAsync()
    {
        var dll = GatewayDll();
        var workDirectory = Path.Combine(Path.GetTempPath(), "census-console-journey", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDirectory);
        var port = Census.Testing.FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Nothing of the test's own environment decides the gateway's mode, keys or store: it starts as on a laptop.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Census__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["Census__Silo__SiloPort"] = Census.Testing.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Census__Silo__GatewayPort"] = Census.Testing.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var gateway = new GatewayProcess(process, Path.Combine(workDirectory, "data"), $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => gateway.Append(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await gateway.UntilReadyAsync();
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task UntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The gateway was not ready within 90 s:\n{Output}");
    }

    /// <summary>ApiGateway.dll as the build left it (ApiGateway/bin/&lt;configuration&gt;/net10.0), the configuration this test runs in.</summary>
    private static string GatewayDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name; // .../bin/<configuration>/net10.0/
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ApiGateway", "bin", configuration, "net10.0", "ApiGateway.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("ApiGateway.dll is not built: build the solution first (tests/run.sh does).");
    }
}
