using System.Diagnostics;
using System.Globalization;

namespace Census.Api.Tests.Security.Fuzzing;

/// <summary>What a fuzz run did: statuses overall and per route, and where its time went.</summary>
public sealed class FuzzTally
{
    public const string UnknownRoute = "(unknown route)";

    private readonly SortedDictionary<int, int> _statuses = [];
    private readonly SortedDictionary<string, SortedDictionary<int, int>> _routes = new(StringComparer.Ordinal);
    private readonly Stopwatch _total = new();

    public Stopwatch Generating { get; } = new();

    public Stopwatch Sending { get; } = new();

    public Stopwatch CheckingStore { get; } = new();

    public Stopwatch WaitingForRuns { get; } = new();

    public int Requests { get; private set; }

    public int Refused { get; private set; }

    public void Start() => _total.Start();

    public void Stop() => _total.Stop();

    private readonly Dictionary<string, TimeSpan> _routeTimes = new(StringComparer.Ordinal);

    public void Count(FuzzRequest request, int status, TimeSpan took)
    {
        _routeTimes[RouteName(request)] = _routeTimes.GetValueOrDefault(RouteName(request)) + took;
        Requests++;
        Refused += status is >= 400 and < 500 ? 1 : 0;
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        var name = RouteName(request);
        var route = _routes.TryGetValue(name, out var known) ? known : _routes[name] = [];
        route[status] = route.GetValueOrDefault(status) + 1;
    }

    public int CountFor(CatalogRoute route) => _routes.TryGetValue(route.ToString(), out var statuses) ? statuses.Values.Sum() : 0;

    public static string RouteName(FuzzRequest request) => request.Route?.ToString() ?? UnknownRoute;

    public string Report()
    {
        var seconds = _total.Elapsed.TotalSeconds;
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{Requests} requests in {seconds:F1} s: {Requests / seconds:F0} requests/s ({Generating.Elapsed.TotalSeconds:F1} s generating, {Sending.Elapsed.TotalSeconds:F1} s sending, " +
            $"{CheckingStore.Elapsed.TotalSeconds:F1} s checking the store, {WaitingForRuns.Elapsed.TotalSeconds:F1} s waiting for ranking runs); {Refused} refused (4xx)."));
        text.AppendLine("Statuses: " + Statuses(_statuses));
        text.AppendLine("Requests per route, by status:");
        foreach (var (route, statuses) in _routes)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {statuses.Values.Sum(),5} {route} ({_routeTimes.GetValueOrDefault(route).TotalSeconds:F1} s): {Statuses(statuses)}"));
        }

        return text.ToString();
    }

    private static string Statuses(SortedDictionary<int, int> statuses) =>
        string.Join(" ", statuses.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}×{s.Value}")));
}
