using System.Diagnostics;

namespace Census.Api.Tests.OpenApi;

/// <summary>Runs a command-line tool to its end and keeps everything it printed, for the assertion message.</summary>
public sealed record ToolRun(int ExitCode, string Output)
{
    /// <summary>The repository root (the folder holding Actors.sln), where tests/run.sh installs the tools.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<ToolRun> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // dotnet test leaves MSBuild's variables for its own build; a nested dotnet build must not inherit them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = new StringBuilder();
        var lines = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (lines)
            {
                output.AppendLine($"(stopped after {limit.TotalSeconds:0} s)");
            }

            return new ToolRun(-1, output.ToString());
        }

        // WaitForExitAsync returns once the streams are drained as well.
        lock (lines)
        {
            return new ToolRun(process.ExitCode, output.ToString());
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Actors.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Actors.sln) is not above " + AppContext.BaseDirectory);
    }
}
