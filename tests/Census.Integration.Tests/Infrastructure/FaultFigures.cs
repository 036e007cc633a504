using System.Globalization;
using Xunit.Abstractions;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// The figures a fault test prints: to the test's output (kept in the TRX results and shown by
/// <c>dotnet test --logger "console;verbosity=detailed"</c>), to the console (shown with
/// <c>verbosity=normal</c>), and one line per figure to <c>artifacts/reliability/&lt;test&gt;.txt</c>,
/// which tests/run.sh prints at the end of a run. Lines are written as they come, so a failing test
/// still leaves the figures it had.
/// </summary>
public sealed class FaultFigures
{
    private readonly ITestOutputHelper _output;
    private readonly string _test;
    private readonly string _file;
    private readonly object _gate = new();

    public FaultFigures(ITestOutputHelper output, string test)
    {
        _output = output;
        _test = test;
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "reliability");
        Directory.CreateDirectory(directory);
        _file = Path.Combine(directory, test + ".txt");
        File.WriteAllText(_file, $"# {test}, {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z, {Environment.ProcessorCount} cores{Environment.NewLine}");
    }

    public void Add(string name, object? value)
    {
        var text = value switch
        {
            TimeSpan t => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s",
            double d => d.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "-",
        };
        Line($"{name}: {text}");
    }

    public void Line(string line)
    {
        lock (_gate)
        {
            _output.WriteLine(line);
            Console.WriteLine($"[{_test}] {line}");
            File.AppendAllText(_file, line + Environment.NewLine);
        }
    }

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
