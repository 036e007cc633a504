using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

// Survey-write benchmark: durable writes through the gateway beside raw PostgreSQL single-row
// upserts, at the same client counts, in one run. See docs/benchmarks.md and bench/run-writes.sh.
//
//   Census.Bench --gateway http://127.0.0.1:5080 --admin-key KEY --postgres "Host=…" [--clients 1,4,16] [--seconds 20] [--gateway-only]
//
// With --imports it runs the import benchmark instead (ImportBench.cs, bench/run-imports.sh):
//
//   Census.Bench --imports --gateway … --admin-key … --postgres … [--institutions 200] [--rows 500] [--seconds 20] --silo-pid N --gateway-pid N

// With evidence it runs the equivalence-class table benchmark instead (EvidenceBench.cs, bench/run-evidence.sh):
//
//   Census.Bench evidence [classes=1000000] [csv|json]

if (args.Length > 0 && args[0] == "evidence")
{
    return await EvidenceBench.RunAsync(args);
}

if (args.Contains("--imports"))
{
    return await ImportBench.RunAsync(args);
}

var options = BenchOptions.Parse(args);
Console.WriteLine($"clients {string.Join(",", options.Clients)}; {options.Seconds} s per measurement; {options.Warmup} s warm-up");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(options.Gateway),
    Timeout = TimeSpan.FromSeconds(60),
};
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AdminKey);

var roundId = "bench-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
await Setup.RoundAsync(http, roundId, options.Institutions);
await using var dataSource = NpgsqlDataSource.Create(options.Postgres);
await RawUpserts.PrepareAsync(dataSource);

var results = new List<(string Kind, int Clients, Measurement M)>();
foreach (var clients in options.Clients)
{
    if (!options.GatewayOnly)
    {
        var raw = await Runner.RunAsync(clients, options, (client, n) => RawUpserts.UpsertAsync(dataSource, client, n));
        results.Add(("raw PostgreSQL upsert", clients, raw));
        Console.WriteLine($"raw      clients={clients,2}  {raw}");
    }

    var gateway = await Runner.RunAsync(clients, options, (client, n) => GatewayWrites.PutAsync(http, roundId, options.Institutions, clients, client, n));
    results.Add(("gateway PUT survey record", clients, gateway));
    Console.WriteLine($"gateway  clients={clients,2}  {gateway}");
}

Console.WriteLine();
Console.WriteLine("| workload | clients | writes/s | p50 ms | p99 ms | errors | gateway ÷ raw |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var (kind, clients, m) in results)
{
    var raw = results.FirstOrDefault(r => r.Clients == clients && r.Kind.StartsWith("raw", StringComparison.Ordinal)).M;
    var ratio = kind.StartsWith("raw", StringComparison.Ordinal) || raw is null ? "" : (m.PerSecond / raw.PerSecond).ToString("0.00", CultureInfo.InvariantCulture);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {kind} | {clients} | {m.PerSecond:0} | {m.P50:0.00} | {m.P99:0.00} | {m.Errors} | {ratio} |"));
}

return results.Any(r => r.M.Errors > 0) ? 1 : 0;

sealed record BenchOptions(string Gateway, string AdminKey, string Postgres, int[] Clients, int Seconds, int Warmup, int Institutions, bool GatewayOnly)
{
    public static BenchOptions Parse(string[] args)
    {
        string Arg(string name, string? fallback = null)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
        }

        return new BenchOptions(
            Arg("gateway"),
            Arg("admin-key"),
            Arg("postgres"),
            Arg("clients", "1,4,16").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(),
            int.Parse(Arg("seconds", "20"), CultureInfo.InvariantCulture),
            int.Parse(Arg("warmup", "3"), CultureInfo.InvariantCulture),
            int.Parse(Arg("institutions", "50"), CultureInfo.InvariantCulture),
            args.Contains("--gateway-only"));
    }
}

/// <summary>Throughput and latency of one timed measurement.</summary>
sealed record Measurement(long Count, double Seconds, double P50, double P99, long Errors)
{
    public double PerSecond => Count / Seconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PerSecond,8:0} writes/s  p50 {P50,6:0.00} ms  p99 {P99,6:0.00} ms  errors {Errors}");
}

static class Runner
{
    /// <summary>N closed-loop clients for a warm-up, then for the measured time; every call's latency is kept.</summary>
    public static async Task<Measurement> RunAsync(int clients, BenchOptions options, Func<int, long, Task<bool>> call)
    {
        var sequence = new long[clients];
        var latencies = new List<double>[clients];
        var errors = new long[clients];
        await Loop(TimeSpan.FromSeconds(options.Warmup), record: false);
        var stopwatch = Stopwatch.StartNew();
        await Loop(TimeSpan.FromSeconds(options.Seconds), record: true);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measurement(all.Length, elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors.Sum());

        Task Loop(TimeSpan duration, bool record) => Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = new List<double>(100_000);
            if (record)
            {
                latencies[client] = mine;
            }

            var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await call(client, sequence[client]++);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (record)
                {
                    if (ok)
                    {
                        mine.Add(ms);
                    }
                    else
                    {
                        errors[client]++;
                    }
                }
            }
        }));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

static class Setup
{
    public static async Task RoundAsync(HttpClient http, string roundId, int institutions)
    {
        for (var i = 0; i < institutions; i++)
        {
            var body = $$"""{"id":"bench-inst-{{i:000}}","name":"벤치마크 기관 {{i}}","kind":"public-institution","sector":"{{Sectors[i % Sectors.Length]}}"}""";
            var response = await http.PostAsync("/api/v1/institutions", Json(body));
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            {
                throw new InvalidOperationException($"creating an institution: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        var deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var round = $$$"""{"id":"{{{roundId}}}","title":"Benchmark round","deadline":"{{{deadline}}}","selection":{"quota":100,"maxPerInstitution":5}}""";
        (await http.PostAsync("/api/v1/rounds", Json(round))).EnsureSuccessStatusCode();
        (await http.PostAsync($"/api/v1/rounds/{roundId}/open", null)).EnsureSuccessStatusCode();
    }

    public static readonly string[] Sectors =
    [
        "public-administration", "science-technology", "education", "transport-logistics", "land-management",
        "agriculture-fisheries", "culture-tourism", "law", "health-medical", "social-welfare", "industry-employment",
        "food-health", "disaster-safety", "finance", "unification-diplomacy", "environment-weather",
    ];

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

static class GatewayWrites
{
    // A realistic record of about 1 KB, as an agency would send it.
    private const string Record = """
        {"title":"도로 교통 CCTV 영상 {0}","description":"Road CCTV clips from fixed cameras, labelled for vehicle detection, collected by the city's traffic centre.","keywords":["cctv","traffic","vehicle"],"modality":"video","structure":"unstructured","digitization":"digital","formats":["mp4","json"],"volume":{"records":{1},"bytes":9000000000},"collection":{"purpose":"service-operation","method":"fixed cameras","provenanceDocumented":true},"availability":{"now":"restricted","afterProcessing":"open"},"lawfulToProvide":true,"license":"kogl-type1","thirdPartyRights":"none","personalData":{"status":"identifiable","sensitive":false,"deidentificationPlanned":true,"riskAssessed":true,"scanVerified":false},"labeling":{"status":"partial","specDocumented":true,"qaReported":false},"quality":{"assessed":true,"errorRate":0.03,"verified":false},"documentation":{"dataDictionary":true,"datasheet":false},"coverage":{"from":"2020-01-01","to":"2024-12-31"},"maintenance":{"updateFrequency":"monthly","lastUpdated":"2026-10-01","versioned":true},"processingPlan":["de-identification","labeling"],"contactEmail":"data@example.go.kr"}
        """;

    public static async Task<bool> PutAsync(HttpClient http, string roundId, int institutions, int clients, int client, long n)
    {
        var institution = $"bench-inst-{(client + n * clients) % institutions:000}";
        var dataset = $"c{clients}-{client}-{n}";
        var body = Record.Replace("{0}", dataset, StringComparison.Ordinal).Replace("{1}", (1000 + n).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var response = await http.PutAsync($"/api/v1/rounds/{roundId}/institutions/{institution}/datasets/{dataset}", Setup.Json(body));
        return response.StatusCode == HttpStatusCode.Created;
    }
}

static class RawUpserts
{
    private static readonly string Payload = new('x', 900);

    public static async Task PrepareAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            DROP TABLE IF EXISTS bench_raw_upsert;
            CREATE TABLE bench_raw_upsert (id text PRIMARY KEY, revision integer NOT NULL, payload text NOT NULL, updated_at timestamptz NOT NULL);
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One ~1 KB row per call, committed on its own (autocommit), as a plain Npgsql loop would.</summary>
    public static async Task<bool> UpsertAsync(NpgsqlDataSource dataSource, int client, long n)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO bench_raw_upsert (id, revision, payload, updated_at) VALUES ($1, 1, $2, now())
            ON CONFLICT (id) DO UPDATE SET revision = bench_raw_upsert.revision + 1, payload = excluded.payload, updated_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = $"{client}-{n}" });
        command.Parameters.Add(new NpgsqlParameter { Value = Payload });
        return await command.ExecuteNonQueryAsync() == 1;
    }
}
