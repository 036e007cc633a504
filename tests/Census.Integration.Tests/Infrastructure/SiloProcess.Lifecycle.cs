using System.Diagnostics;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>How a silo process ended after SIGTERM: its exit code (null if it had to be killed) and how long it took.</summary>
public sealed record SiloExit(int? ExitCode, TimeSpan Took)
{
    public bool Graceful => ExitCode == 0;

    public override string ToString() => ExitCode is { } code
        ? $"exit code {code} after {Took.TotalSeconds:0.0} s"
        : $"no exit within {Took.TotalSeconds:0.0} s (killed)";
}

/// <summary>Graceful stop and start-again of a silo process, for fault tests.</summary>
public sealed partial class SiloProcess
{
    public int ProcessId => _process.Id;

    /// <summary>
    /// Sends SIGTERM — what an operator, systemd or Kubernetes sends — and waits up to
    /// <paramref name="timeout"/> for the process to exit. If it does not, it is killed and the result
    /// has no exit code.
    /// </summary>
    public async Task<SiloExit> TerminateAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        if (!_process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                   {
                       UseShellExecute = false,
                   }))
            {
                await kill!.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
                return new SiloExit(null, clock.Elapsed);
            }
        }

        return new SiloExit(_process.ExitCode, clock.Elapsed);
    }

    /// <summary>
    /// Starts a new process for this silo once the old one has exited: same ports, same database,
    /// same cluster — a restart, as a process supervisor would do it.
    /// </summary>
    public SiloProcess StartAgain()
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException("The silo is still running: stop or kill it first.");
        }

        var process = new Process { StartInfo = _process.StartInfo };
        var silo = new SiloProcess(process, SiloPort, GatewayPort, HttpPort);
        StartCapturing(process, silo._output);
        return silo;
    }
}
