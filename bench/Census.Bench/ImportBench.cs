using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;

/// <summary>
/// The import benchmark of issue 11 (bench/run-imports.sh): in one run, the raw-upsert anchor at 16 clients, then
/// every institution's import posted at once (records made durable per second), a 5,000-row CSV dry run (best of
/// three) and the gateway's and silo's peak memory during one upload of just under 64 MiB.
/// </summary>
static class ImportBench
{
    private static readonly string[] Columns =
    [
        "datasetId", "title", "description", "keywords", "sector", "modality", "structure", "digitization", "formats",
        "volume.records", "volume.bytes", "collection.purpose", "collection.method", "collection.provenanceDocumented",
        "availability.now", "availability.afterProcessing", "lawfulToProvide", "license", "thirdPartyRights",
        "personalData.status", "personalData.sensitive", "personalData.deidentificationPlanned",
        "personalData.riskAssessed", "personalData.scanVerified", "labeling.status", "labeling.specDocumented",
        "labeling.qaReported", "quality.assessed", "quality.errorRate", "quality.verified",
        "documentation.dataDictionary", "documentation.datasheet", "coverage.from", "coverage.to",
        "maintenance.updateFrequency", "maintenance.lastUpdated", "maintenance.versioned", "processingPlan",
        "contactEmail", "action",
    ];

    private const string Description = "Road CCTV clips from fixed cameras, labelled for vehicle detection, collected by the city's traffic centre.";

    // The same ~1 KB record the write benchmark PUTs, as one NDJSON line with its datasetId.
    private const string NdjsonLine = """
        {"datasetId":"{0}","title":"도로 교통 CCTV 영상 {0}","description":"Road CCTV clips from fixed cameras, labelled for vehicle detection, collected by the city's traffic centre.","keywords":["cctv","traffic","vehicle"],"modality":"video","structure":"unstructured","digitization":"digital","formats":["mp4","json"],"volume":{"records":{1},"bytes":9000000000},"collection":{"purpose":"service-operation","method":"fixed cameras","provenanceDocumented":true},"availability":{"now":"restricted","afterProcessing":"open"},"lawfulToProvide":true,"license":"kogl-type1","thirdPartyRights":"none","personalData":{"status":"identifiable","sensitive":false,"deidentificationPlanned":true,"riskAssessed":true,"scanVerified":false},"labeling":{"status":"partial","specDocumented":true,"qaReported":false},"quality":{"assessed":true,"errorRate":0.03,"verified":false},"documentation":{"dataDictionary":true,"datasheet":false},"coverage":{"from":"2020-01-01","to":"2024-12-31"},"maintenance":{"updateFrequency":"monthly","lastUpdated":"2026-10-01","versioned":true},"processingPlan":["de-identification","labeling"],"contactEmail":"data@example.go.kr"}
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var institutions = int.Parse(Arg("institutions", "200"), CultureInfo.InvariantCulture);
        var rows = int.Parse(Arg("rows", "500"), CultureInfo.InvariantCulture);
        var siloPid = int.Parse(Arg("silo-pid", "0"), CultureInfo.InvariantCulture);
        var gatewayPid = int.Parse(Arg("gateway-pid", "0"), CultureInfo.InvariantCulture);
        var failures = new List<string>();

        // Uploads of many MiB and 200 concurrent stagings take longer than a PUT's minute.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = new Uri(options.Gateway),
            Timeout = TimeSpan.FromMinutes(15),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AdminKey);
        await using var dataSource = NpgsqlDataSource.Create(options.Postgres);

        // 1. The anchor: the write benchmark's raw single-row upserts, 16 closed-loop clients.
        await RawUpserts.PrepareAsync(dataSource);
        var anchor = await Runner.RunAsync(16, options, (client, n) => RawUpserts.UpsertAsync(dataSource, client, n));
        Console.WriteLine($"raw upsert, 16 clients: {anchor}");

        // 2. Institutions and an open round; the admin key imports for every institution (api.md allows agency or admin).
        var roundId = "imports-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        await Setup.RoundAsync(http, roundId, institutions);

        // 3. Every institution's NDJSON file posted at once; the files are built before the clock starts.
        var files = Enumerable.Range(0, institutions).Select(i => Ndjson($"imp-{i:000}-", rows)).ToArray();
        Console.WriteLine($"{institutions} NDJSON files of {rows} rows, {files.Sum(f => (long)f.Length) / 1048576.0:0.0} MiB in all");
        var cpuBefore = CpuSnapshot.Take(siloPid, gatewayPid);
        var firstPost = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var locations = await Task.WhenAll(files.Select((file, i) =>
            PostAsync(http, roundId, Institution(i), file, "application/x-ndjson", dryRun: false)));
        var postsDone = clock.Elapsed;
        var importRetries = Interlocked.Exchange(ref _retried, 0);
        var finished = await WaitAllAsync(http, locations, TimeSpan.FromMilliseconds(250));
        var observed = clock.Elapsed;
        var cpuAfter = CpuSnapshot.Take(siloPid, gatewayPid);
        var created = finished.Sum(f => (long)f.Created);
        foreach (var f in finished.Where(f => f.State != "completed" || f.Valid != rows))
        {
            failures.Add($"import {f.Location}: {f.State}, {f.Valid} valid, {f.Invalid} invalid");
        }

        // Durable records are counted in the index, and the clock stops at the last real import's completion,
        // including imports begun by POST attempts that were answered 503 (the silo may still have run them).
        long indexed;
        DateTimeOffset lastCompleted;
        await using (var count = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM census_survey_index WHERE round_id = $1),
                   (SELECT max((view::json->>'completedAt')::timestamptz) FROM census_import WHERE round_id = $1 AND view::json->>'dryRun' = 'false'),
                   (SELECT count(*) FROM census_import WHERE round_id = $1 AND view::json->>'state' = 'validating')
            """))
        {
            count.Parameters.Add(new NpgsqlParameter { Value = roundId });
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            indexed = reader.GetInt64(0);
            lastCompleted = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
            Console.WriteLine($"census_survey_index rows for {roundId}: {indexed} (expected {(long)institutions * rows}); imports left validating (begun by a POST answered 503): {reader.GetInt64(2)}");
            if (indexed != (long)institutions * rows)
            {
                failures.Add($"census_survey_index holds {indexed} rows, expected {(long)institutions * rows}");
            }
        }

        var importSeconds = (lastCompleted - firstPost).TotalSeconds;
        var perSecond = indexed / importSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"real run: {indexed} records durable in {importSeconds:0.0} s ({created} created by the imports the client polled); time (first POST → last completedAt; all POSTs answered after {postsDone.TotalSeconds:0.0} s with {importRetries} answered 503 and sent again, all completions seen after {observed.TotalSeconds:0.0} s)"));
        Console.WriteLine(CpuSnapshot.Describe(cpuBefore, cpuAfter, indexed));

        // 4. A 5,000-row CSV dry run, POST to completed as the client sees it, best of three.
        var dryCsv = Csv("dry-", 5_000, descriptionLength: Description.Length);
        var dryRuns = new List<double>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var started = Stopwatch.StartNew();
            var location = await PostAsync(http, roundId, Institution(0), dryCsv, "text/csv; charset=utf-8", dryRun: true);
            var done = (await WaitAllAsync(http, [location], TimeSpan.FromMilliseconds(10)))[0];
            dryRuns.Add(started.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dry run {attempt + 1}: {started.Elapsed.TotalMilliseconds:0} ms, {done.State}, 503s retried {Interlocked.Exchange(ref _retried, 0)}, {done.Valid} valid, {done.Invalid} invalid"));
            if (done.State != "completed" || done.Valid != 5_000)
            {
                failures.Add($"dry run {attempt + 1}: {done.State}, {done.Valid} valid");
            }
        }

        // 5. One upload just under 64 MiB and within 50,000 rows (long descriptions), dry run; peak memory of both
        //    processes over that upload alone (VmHWM reset through clear_refs first).
        const int bigRows = 50_000;
        var target = 64L * 1024 * 1024 - 64 * 1024;
        var perRow = (int)(target / bigRows);
        var bigCsv = Csv("big-", bigRows, descriptionLength: Description.Length + perRow - RowLength(Description.Length));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"large upload: {bigCsv.Length} bytes ({bigCsv.Length / 1048576.0:0.00} MiB), {bigRows} rows"));
        var gatewayBefore = ProcessMemory.Read(gatewayPid);
        var siloBefore = ProcessMemory.Read(siloPid);
        var reset = ProcessMemory.ResetPeak(gatewayPid) & ProcessMemory.ResetPeak(siloPid);
        var bigClock = Stopwatch.StartNew();
        var bigLocation = await PostAsync(http, roundId, Institution(1), bigCsv, "text/csv; charset=utf-8", dryRun: true);
        var bigDone = (await WaitAllAsync(http, [bigLocation], TimeSpan.FromMilliseconds(50)))[0];
        var bigMs = bigClock.Elapsed.TotalMilliseconds;
        var gatewayAfter = ProcessMemory.Read(gatewayPid);
        var siloAfter = ProcessMemory.Read(siloPid);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"large dry run: {bigMs:0} ms, {bigDone.State}, 503s retried {Interlocked.Exchange(ref _retried, 0)}, {bigDone.Valid} valid, {bigDone.Invalid} invalid; peak reset {(reset ? "yes" : "NO (peaks include earlier phases)")}"));
        if (bigDone.State != "completed" || bigDone.Valid != bigRows)
        {
            failures.Add($"large dry run: {bigDone.State}, {bigDone.Valid} valid");
        }

        string R(double v, string format = "0") => v.ToString(format, CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine("| measure | figure | same-run anchor | ratio | goal | met? |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        Console.WriteLine($"| raw PostgreSQL single-row upsert, 16 clients | {R(anchor.PerSecond)} rows/s | | | | |");
        var ratio = perSecond / anchor.PerSecond;
        Console.WriteLine($"| import {institutions} × {rows} NDJSON rows at once ({indexed} durable, {importRetries} POSTs retried after 503) | {R(perSecond)} records/s ({R(importSeconds, "0.0")} s) | {R(anchor.PerSecond)} rows/s | {R(ratio, "0.00")} | ≥ 0.5 | {(ratio >= 0.5 ? "yes" : "no")} |");
        Console.WriteLine($"| dry run of 5,000 CSV rows, POST to completed, best of 3 | {R(dryRuns.Min())} ms (runs {string.Join(", ", dryRuns.Select(d => R(d)))}) | | | < 2,000 ms | {(dryRuns.Min() < 2000 ? "yes" : "no")} |");
        Console.WriteLine($"| {R(bigCsv.Length / 1048576.0, "0.0")} MiB CSV, {bigRows} rows, dry run ({R(bigMs)} ms) — gateway RSS before / peak during | {R(gatewayBefore.RssMiB)} / **{R(gatewayAfter.PeakMiB)} MiB** (peak before {R(gatewayBefore.PeakMiB)}) | | | bounded | |");
        Console.WriteLine($"| same upload — silo RSS before / peak during | {R(siloBefore.RssMiB)} / **{R(siloAfter.PeakMiB)} MiB** (peak before {R(siloBefore.PeakMiB)}) | | | bounded | |");
        foreach (var failure in failures)
        {
            Console.WriteLine("FAILED: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static string Institution(int i) => $"bench-inst-{i:000}";

    private static byte[] Ndjson(string prefix, int rows)
    {
        var builder = new StringBuilder(rows * 1_100);
        for (var n = 0; n < rows; n++)
        {
            builder.Append(NdjsonLine.Replace("{0}", prefix + n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{1}", (1000 + n).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static byte[] Csv(string prefix, int rows, int descriptionLength)
    {
        var builder = new StringBuilder(rows * (RowLength(descriptionLength) + 8));
        builder.Append(string.Join(',', Columns)).Append("\r\n");
        for (var n = 0; n < rows; n++)
        {
            builder.Append(CsvRow($"{prefix}{n:000000}", descriptionLength)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>UTF-8 bytes of one CSV row with its line break (the title holds Korean, so bytes, not characters).</summary>
    private static int RowLength(int descriptionLength) => Encoding.UTF8.GetByteCount(CsvRow("big-000000", descriptionLength)) + 2;

    private static string CsvRow(string datasetId, int descriptionLength)
    {
        // The description is padded with plain sentences to make the long rows of the 64 MiB file.
        var description = Description;
        while (description.Length < descriptionLength)
        {
            description += " Frames are kept for thirty days.";
        }

        description = description[..descriptionLength].TrimEnd();
        string[] cells =
        [
            datasetId, $"도로 교통 CCTV 영상 {datasetId}", Quote(description), "cctv;traffic;vehicle", "", "video", "unstructured", "digital", "mp4;json",
            "1000", "9000000000", "service-operation", "fixed cameras", "true",
            "restricted", "open", "true", "kogl-type1", "none",
            "identifiable", "false", "true",
            "true", "false", "partial", "true",
            "false", "true", "0.03", "false",
            "true", "false", "2020-01-01", "2024-12-31",
            "monthly", "2026-10-01", "true", "de-identification;labeling",
            "data@example.go.kr", "",
        ];
        return string.Join(',', cells);
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>POSTs answered 503 (the gateway gave up on the cluster) and sent again, in this run.</summary>
    private static int _retried;

    /// <summary>
    /// Posts a file; a 503 is sent again after its Retry-After, as a client should (the run counts them). No
    /// Idempotency-Key: a retry is a new import, so an import begun by an attempt the gateway gave up on is not reused.
    /// </summary>
    private static async Task<string> PostAsync(HttpClient http, string roundId, string institution, byte[] body, string contentType, bool dryRun)
    {
        var uri = $"/api/v1/rounds/{roundId}/institutions/{institution}/imports?dryRun={(dryRun ? "true" : "false")}";
        for (var attempt = 1; ; attempt++)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            using var response = await http.PostAsync(uri, content);
            if (response.StatusCode == HttpStatusCode.Accepted && response.Headers.Location is { } location)
            {
                return location.OriginalString;
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                throw new InvalidOperationException($"POST {uri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            Interlocked.Increment(ref _retried);
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// Polls the imports one after another (a sweep, then a pause) until none is validating or running, so polling
    /// stays a trickle of requests beside the imports it waits for.
    /// </summary>
    private static async Task<ImportView[]> WaitAllAsync(HttpClient http, string[] locations, TimeSpan pause)
    {
        var done = new ImportView?[locations.Length];
        while (done.Any(d => d is null))
        {
            for (var i = 0; i < locations.Length; i++)
            {
                if (done[i] is not null)
                {
                    continue;
                }

                using var response = await http.GetAsync(locations[i]);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    continue;
                }

                response.EnsureSuccessStatusCode();
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var root = json.RootElement;
                var state = root.GetProperty("state").GetString()!;
                if (state is not ("validating" or "running"))
                {
                    done[i] = new ImportView(locations[i], state, root.GetProperty("created").GetInt32(), root.GetProperty("valid").GetInt32(),
                        root.GetProperty("invalid").GetInt32(),
                        root.TryGetProperty("completedAt", out var at) && at.ValueKind == JsonValueKind.String ? at.GetDateTimeOffset() : DateTimeOffset.UtcNow);
                }
            }

            if (done.Any(d => d is null))
            {
                await Task.Delay(pause);
            }
        }

        return done.Select(d => d!).ToArray();
    }

    private sealed record ImportView(string Location, string State, int Created, int Valid, int Invalid, DateTimeOffset CompletedAt);
}

/// <summary>Resident memory of a process from /proc/{pid}/status.</summary>
sealed record ProcessMemory(double RssMiB, double PeakMiB)
{
    public static ProcessMemory Read(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        double Kb(string key) => double.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return new ProcessMemory(Kb("VmRSS:") / 1024, Kb("VmHWM:") / 1024);
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+), so a peak belongs to one phase.</summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>CPU ticks (user + system, /proc/{pid}/stat) of the silo, the gateway, every PostgreSQL process and this client.</summary>
sealed record CpuSnapshot(long Silo, long Gateway, Dictionary<int, long> Postgres, long Client, long MachineTotal, long MachineIdle)
{
    public static CpuSnapshot Take(int siloPid, int gatewayPid)
    {
        var postgres = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Comm(pid) == "postgres")
            {
                postgres[pid] = Ticks(pid);
            }
        }

        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return new CpuSnapshot(Ticks(siloPid), Ticks(gatewayPid), postgres, Ticks(Environment.ProcessId), cpu.Sum(), cpu[3] + cpu[4]);
    }

    public static string Describe(CpuSnapshot before, CpuSnapshot after, long records)
    {
        var postgres = after.Postgres.Sum(p => p.Value - before.Postgres.GetValueOrDefault(p.Key));
        var perCore = after.MachineTotal - before.MachineTotal;
        double Ms(long ticks) => ticks * 10.0 / records;
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU ticks (1/100 s) over the import phase: silo {after.Silo - before.Silo}, gateway {after.Gateway - before.Gateway}, PostgreSQL {postgres}, bench client {after.Client - before.Client}, idle {after.MachineIdle - before.MachineIdle} of {perCore} (all cores); per record: silo {Ms(after.Silo - before.Silo):0.000} ms, gateway {Ms(after.Gateway - before.Gateway):0.000} ms, PostgreSQL {Ms(postgres):0.000} ms");
    }

    private static string? Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
