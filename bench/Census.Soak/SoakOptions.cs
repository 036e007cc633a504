using System.Globalization;

namespace Census.Soak;

/// <summary>What the soak runs against and how hard; see bench/run-soak.sh.</summary>
sealed record SoakOptions(
    string Gateway,
    string AdminKey,
    int Minutes,
    double Rate,
    double RankingEveryMinutes,
    int Institutions,
    int Population,
    int PageSize,
    IReadOnlyList<(string Name, int Pid)> Processes)
{
    /// <summary>Shares of the request rate: creates and updates (If-Match), single GETs, list pages.</summary>
    public static readonly (Kind Kind, double Share)[] Mix =
    [
        (Kind.Create, 0.10), (Kind.Update, 0.30), (Kind.Get, 0.45), (Kind.List, 0.15),
    ];

    public static SoakOptions Parse(string[] args)
    {
        string Arg(string name, string? fallback = null)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
        }

        int Int(string name, string fallback) => int.Parse(Arg(name, fallback), CultureInfo.InvariantCulture);
        double Number(string name, string fallback) => double.Parse(Arg(name, fallback), CultureInfo.InvariantCulture);

        // The key comes from a file, never the command line: command lines are visible in /proc and ps.
        var adminKey = File.ReadAllText(Arg("admin-key-file")).Trim();
        var processes = Arg("pids", "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .Select(p => (p[0], int.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();
        var options = new SoakOptions(
            Arg("gateway"), adminKey, Int("minutes", "30"), Number("rate", "300"), Number("ranking-every", "5"),
            Int("institutions", "50"), Int("population", "20000"), Int("page-size", "50"), processes);
        if (options.Minutes < 1 || options.Rate <= 0 || options.RankingEveryMinutes <= 0 || options.Institutions < 1
            || options.Population < options.Institutions || options.PageSize is < 1 or > 500)
        {
            throw new ArgumentException("minutes ≥ 1, rate > 0, ranking-every > 0, institutions ≥ 1, population ≥ institutions, page-size 1..500");
        }

        return options;
    }
}
