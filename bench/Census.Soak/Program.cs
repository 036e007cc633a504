using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Census.Soak;

// Soak: a mixed open-loop load held for many minutes against a running cluster, reported per minute
// (throughput and p50/p99 per kind, errors, each process's memory). See bench/run-soak.sh.
//
//   Census.Soak --gateway http://127.0.0.1:5480 --admin-key-file FILE [--minutes 30] [--rate 300]
//               [--ranking-every 5] [--institutions 50] [--population 20000] [--page-size 50]
//               [--pids silo-1=123,gateway-1=456]

var options = SoakOptions.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(options.Gateway),
    Timeout = TimeSpan.FromSeconds(30),
};
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AdminKey);

var roundId = "soak-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
await SetupAsync();
var mix = string.Join(", ", SoakOptions.Mix.Select(m => string.Create(CultureInfo.InvariantCulture, $"{Name(m.Kind)} {m.Share:P0}")));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"load: {options.Rate:0} requests/s open loop ({mix}; creates turn into updates once {options.Population} datasets exist), " +
    $"{options.Institutions} institutions, list pages of {options.PageSize}, a ranking run of the open round every {options.RankingEveryMinutes:0.#} min from minute 1, {options.Minutes} min"));
Console.WriteLine("start: the rate ramps up linearly over the first 30 s; requests beyond 1,000 in flight are not sent and count as errors");
Console.WriteLine("latency: from sending the request to reading the whole response, in ms; a ranking run's from its POST to the poll that sees it finished (polls every 250 ms)");
Console.WriteLine();

const int MaxInFlight = 1000;
const double RampSeconds = 30;
var buckets = Enumerable.Range(1, options.Minutes).Select(m => new MinuteStats(m)).ToArray();
var workload = new Workload(http, options, roundId);
var duration = TimeSpan.FromMinutes(options.Minutes);
var start = 0L;
var inFlight = 0;
using var stop = new CancellationTokenSource();

await WarmUpAsync();
start = Stopwatch.GetTimestamp();
var sampler = SampleAsync();
var rankings = RankAsync();
await DispatchAsync();
for (var waited = 0; Volatile.Read(ref inFlight) > 0 && waited < 600; waited++)
{
    await Task.Delay(100);
}

await sampler;
stop.CancelAfter(TimeSpan.FromMinutes(5));
await rankings;
return Report();

// Requests start on schedule whether or not earlier ones have answered (open loop), so a slow
// service cannot slow the offered load down and hide its own latency.
async Task DispatchAsync()
{
    var issued = 0L;
    var cumulative = SoakOptions.Mix.Select((m, i) => (m.Kind, Upto: SoakOptions.Mix.Take(i + 1).Sum(x => x.Share))).ToArray();
    while (Stopwatch.GetElapsedTime(start) is var elapsed && elapsed < duration)
    {
        // A linear ramp over the first 30 s: a cold cluster (JIT, empty pools, no activations) is
        // not hit with the full rate in its first second; the first minute is reported but not judged.
        var seconds = elapsed.TotalSeconds;
        var due = (long)(options.Rate * (seconds < RampSeconds ? seconds * seconds / (2 * RampSeconds) : seconds - RampSeconds / 2));
        for (; issued < due; issued++)
        {
            var pick = Random.Shared.NextDouble() * cumulative[^1].Upto;
            var kind = cumulative.First(c => pick < c.Upto).Kind;
            if (Volatile.Read(ref inFlight) >= MaxInFlight)
            {
                workload.NotSent(kind);
                Current().Error(kind);
                continue;
            }

            Interlocked.Increment(ref inFlight);
            _ = Task.Run(async () =>
            {
                try
                {
                    await workload.RunAsync(kind, Current);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            });
        }

        await Task.Delay(1);
    }
}

// One run at a time: the next starts only after the previous one finished.
async Task RankAsync()
{
    for (var at = TimeSpan.FromMinutes(1); at < duration; at += TimeSpan.FromMinutes(options.RankingEveryMinutes))
    {
        var wait = at - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await workload.RankAsync(Current, stop.Token);
    }
}

async Task SampleAsync()
{
    foreach (var bucket in buckets)
    {
        var wait = TimeSpan.FromMinutes(bucket.Minute) - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        bucket.Memory = ProcessMemory.Sample(options.Processes);
        bucket.PopulationFull = workload.Claimed >= options.Population;
        Console.WriteLine(Line(bucket));
    }
}

MinuteStats Current() => buckets[Math.Clamp((int)Stopwatch.GetElapsedTime(start).TotalMinutes, 0, buckets.Length - 1)];

string Line(MinuteStats m)
{
    var kinds = string.Join(" | ", Workloads().Select(k => string.Create(CultureInfo.InvariantCulture,
        $"{Name(k)} {m.PerSecond(k):0}/s {MinuteStats.Ms(m.Percentile(k, 0.5))}/{MinuteStats.Ms(m.Percentile(k, 0.99))} ms")));
    var memory = string.Join(", ", m.Memory.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.MiB:0}")));
    return string.Create(CultureInfo.InvariantCulture,
        $"minute {m.Minute,2}: {Total(m):0} req/s | {kinds} | {Ranking(m)} | errors {m.Errors()} | MiB: {memory} | claimed datasets {workload.Claimed}");
}

int Report()
{
    var names = options.Processes.Select(p => p.Name).Append("postgres").ToList();
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| min | req/s | {string.Join(" | ", Workloads().Select(k => Name(k) + "/s"))} | {string.Join(" | ", Workloads().Select(k => Name(k) + " p50/p99 ms"))} | ranking | errors | {string.Join(" | ", names.Select(n => n + " MiB"))} |"));
    Console.WriteLine("|" + string.Concat(Enumerable.Repeat("---:|", 4 + 2 * Workloads().Length + names.Count)));
    foreach (var m in buckets)
    {
        var memory = names.Select(n => m.Memory.FirstOrDefault(p => p.Name == n).MiB);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {m.Minute} | {Total(m):0} | {string.Join(" | ", Workloads().Select(k => m.PerSecond(k).ToString("0", CultureInfo.InvariantCulture)))} | " +
            $"{string.Join(" | ", Workloads().Select(k => $"{MinuteStats.Ms(m.Percentile(k, 0.5))} / {MinuteStats.Ms(m.Percentile(k, 0.99))}"))} | " +
            $"{Ranking(m)} | {m.Errors()} | {string.Join(" | ", memory.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))} |"));
    }

    // Stability is judged without the first minute (start-up: JIT, cold grains, empty pools), and
    // memory over the second half, once the working set has had time to settle.
    var settled = buckets.Length > 1 ? buckets[1..] : buckets;
    var p99 = Workloads().Select(k =>
    {
        var values = settled.Select(m => m.Percentile(k, 0.99)).Where(v => !double.IsNaN(v)).Order().ToArray();
        // The lower median: with two minutes it is the better one, so a doubling still shows.
        var median = values.Length == 0 ? double.NaN : values[(values.Length - 1) / 2];
        var max = values.Length == 0 ? double.NaN : values[^1];
        return (Kind: k, Median: median, Max: max, Stable: values.Length == 0 || max <= 2 * median);
    }).ToArray();
    // Memory is judged only once every dataset exists: before that the working set grows by design.
    var full = Array.FindIndex(buckets, m => m.PopulationFull);
    var judged = full >= 0 && full < buckets.Length - 1;
    var from = buckets[judged ? Math.Max(full, (buckets.Length - 1) / 2) : Math.Max(0, (buckets.Length - 1) / 2)];
    var to = buckets[^1];
    var growth = names.Select(n =>
    {
        var a = from.Memory.FirstOrDefault(p => p.Name == n).MiB;
        var b = to.Memory.FirstOrDefault(p => p.Name == n).MiB;
        return (Name: n, From: a, To: b, Flat: b - a <= Math.Max(0.10 * a, 16));
    }).ToArray();
    var errors = buckets.Sum(m => m.Errors());
    var requests = buckets.Sum(m => Workloads().Sum(k => m.Count(k)));

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"requests: {requests:N0} in {options.Minutes} min = {requests / duration.TotalSeconds:0} /s (target {options.Rate:0}); ranking runs: {buckets.Sum(m => m.Count(Kind.Ranking))}; datasets claimed: {workload.Claimed}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"p99 over minutes {settled[0].Minute}–{buckets[^1].Minute} (median → max): {string.Join(", ", p99.Select(p => $"{Name(p.Kind)} {MinuteStats.Ms(p.Median)} → {MinuteStats.Ms(p.Max)} ms"))}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"memory minute {from.Minute} → {to.Minute} (MiB): {string.Join(", ", growth.Select(g => $"{g.Name} {g.From:0} → {g.To:0}"))}; peak RSS: {string.Join(", ", options.Processes.Select(p => $"{p.Name} {ProcessMemory.PeakMiB(p.Pid):0}"))}"));
    Console.WriteLine("errors: " + (errors == 0 ? "none" : string.Join(", ",
        workload.ErrorsByStatus.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}"))));
    var flat = growth.All(g => g.Flat);
    var memoryVerdict = !judged
        ? $"not judged (the working set was still growing: {workload.Claimed} of {options.Population} datasets at the end; a longer run fills it)"
        : (flat ? "flat" : "GROWING: " + string.Join(", ", growth.Where(g => !g.Flat).Select(g => g.Name)))
            + string.Create(CultureInfo.InvariantCulture, $" (minute {from.Minute} → {to.Minute}, at most 10% or 16 MiB more; every dataset existed from minute {full + 1})");
    var stable = p99.All(p => p.Stable);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"summary: memory {memoryVerdict}, p99 {(stable ? "stable" : "UNSTABLE: " + string.Join(", ", p99.Where(p => !p.Stable).Select(p => Name(p.Kind))))} " +
        $"(no minute above twice the median), {errors} errors"));
    return errors == 0 ? 0 : 1;
}

// A few requests one at a time before the clock starts: the first call of each kind JIT-compiles
// and activates grains on every silo, which on a cold cluster can exceed the gateway's call
// timeout under full load. The soak reports the steady state; these are printed, not counted.
async Task WarmUpAsync()
{
    var warmStart = Stopwatch.GetTimestamp();
    var warm = new MinuteStats(0);
    foreach (var kind in new[] { Kind.Create, Kind.Create, Kind.Create, Kind.Update, Kind.Get, Kind.List })
    {
        for (var i = 0; i < 10; i++)
        {
            await workload.RunAsync(kind, () => warm);
        }
    }

    var failed = warm.Errors();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"warm-up: 60 requests one at a time in {Stopwatch.GetElapsedTime(warmStart).TotalSeconds:0.0} s, {failed} failed (not counted below)"));
    workload.ForgetErrors();
}

static Kind[] Workloads() => [Kind.Create, Kind.Update, Kind.Get, Kind.List];

static string Name(Kind kind) => kind.ToString().ToLowerInvariant();

static double Total(MinuteStats m) => Workloads().Sum(k => m.PerSecond(k));

static string Ranking(MinuteStats m)
{
    var runs = m.Latencies(Kind.Ranking);
    var failed = m.Count(Kind.Ranking) - runs.Length;
    var parts = runs.Select(r => r.ToString("0 'ms'", CultureInfo.InvariantCulture)).Concat(Enumerable.Repeat("FAILED", (int)failed)).ToArray();
    return parts.Length == 0 ? "–" : string.Join(", ", parts);
}

async Task SetupAsync()
{
    string[] sectors =
    [
        "public-administration", "science-technology", "education", "transport-logistics", "land-management",
        "agriculture-fisheries", "culture-tourism", "law", "health-medical", "social-welfare", "industry-employment",
        "food-health", "disaster-safety", "finance", "unification-diplomacy", "environment-weather",
    ];
    for (var i = 0; i < options.Institutions; i++)
    {
        var body = $$"""{"id":"{{Workload.Institution(i)}}","name":"내구 시험 기관 {{i}}","kind":"public-institution","sector":"{{sectors[i % sectors.Length]}}"}""";
        using var response = await http.PostAsync("/api/v1/institutions", Json(body));
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
        {
            throw new InvalidOperationException($"creating an institution: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    var deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    var round = $$$"""{"id":"{{{roundId}}}","title":"Soak round","deadline":"{{{deadline}}}","selection":{"quota":100,"maxPerInstitution":5}}""";
    using (var created = await http.PostAsync("/api/v1/rounds", Json(round)))
    {
        created.EnsureSuccessStatusCode();
    }

    using var opened = await http.PostAsync($"/api/v1/rounds/{roundId}/open", null);
    opened.EnsureSuccessStatusCode();
}

static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
