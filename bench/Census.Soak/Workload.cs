using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Census.Soak;

/// <summary>
/// The soak's requests against one open round. Datasets are numbered 0..population-1; creates take
/// the next number until the population is full, after which their share of the rate goes to
/// updates, so the working set stops growing and memory can level off. A dataset is never written
/// by two requests at once and every update carries the ETag its last write returned, so a 412 is a
/// defect, not contention: this workload expects no 4xx at all.
/// </summary>
sealed class Workload(HttpClient http, SoakOptions options, string roundId)
{
    private readonly string?[] etags = new string?[options.Population];
    private readonly int[] writing = new int[options.Population];
    private readonly ConcurrentDictionary<string, long> errorsByStatus = new();
    private int nextCreate = -1;
    private int errorsShown;

    public IReadOnlyDictionary<string, long> ErrorsByStatus => errorsByStatus;

    /// <summary>Datasets whose creation has been attempted (created or failed).</summary>
    public int Claimed => Math.Min(Volatile.Read(ref nextCreate) + 1, options.Population);

    /// <summary>
    /// Sends one request of the given kind and records it in the minute it completes. A kind that
    /// has nothing to work on yet falls back to a cheaper one (update → get → list; create → update
    /// once the population is full), never to a create: the creates' rate stays their share.
    /// </summary>
    public async Task RunAsync(Kind kind, Func<MinuteStats> minute)
    {
        var started = Stopwatch.GetTimestamp();
        var (actual, ok) = kind switch
        {
            Kind.Create => await CreateAsync(),
            Kind.Update => await UpdateAsync(),
            Kind.Get => await GetAsync(),
            _ => await ListAsync(),
        };
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (ok)
        {
            minute().Success(actual, ms);
        }
        else
        {
            minute().Error(actual);
        }
    }

    /// <summary>Starts a ranking run of the round and polls it until it is no longer running; records the whole run.</summary>
    public async Task RankAsync(Func<MinuteStats> minute, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            using var response = await http.PostAsync($"/api/v1/rounds/{roundId}/rankings", null, stop);
            if (response.StatusCode != HttpStatusCode.Accepted || response.Headers.Location is not { } location)
            {
                await FailedAsync(Kind.Ranking, response);
            }
            else
            {
                string state;
                do
                {
                    await Task.Delay(250, stop);
                    using var poll = await http.GetAsync(location, stop);
                    if (poll.StatusCode != HttpStatusCode.OK)
                    {
                        await FailedAsync(Kind.Ranking, poll);
                        state = "failed";
                        break;
                    }

                    using var run = JsonDocument.Parse(await poll.Content.ReadAsStringAsync(stop));
                    state = run.RootElement.GetProperty("state").GetString() ?? "";
                    if (state != "running")
                    {
                        var scored = run.RootElement.TryGetProperty("scored", out var s) ? s.ToString() : "?";
                        var selected = run.RootElement.TryGetProperty("selection", out var sel) && sel.ValueKind == JsonValueKind.Array ? sel.GetArrayLength() : 0;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  ranking {location}: {state}, {scored} scored, {selected} selected, {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms"));
                    }
                }
                while (state == "running");

                ok = state is "completed" or "infeasible";
                if (!ok && state != "failed")
                {
                    Record(Kind.Ranking, $"run {state}", location.ToString());
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            Record(Kind.Ranking, e.GetType().Name, e.Message);
        }

        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (ok)
        {
            minute().Success(Kind.Ranking, ms);
        }
        else
        {
            minute().Error(Kind.Ranking);
        }
    }

    /// <summary>Tallies a request the generator did not send because too many were already waiting.</summary>
    public void NotSent(Kind kind) => errorsByStatus.AddOrUpdate($"{kind.ToString().ToLowerInvariant()} not sent (too many in flight)", 1, (_, count) => count + 1);

    /// <summary>Clears the error tally (after the warm-up, whose failures are reported on their own).</summary>
    public void ForgetErrors() => errorsByStatus.Clear();

    private async Task<(Kind, bool)> CreateAsync()
    {
        var n = Interlocked.Increment(ref nextCreate);
        if (n >= options.Population)
        {
            return await UpdateAsync();
        }

        Volatile.Write(ref writing[n], 1);
        try
        {
            return (Kind.Create, await PutAsync(Kind.Create, n, ifMatch: null, HttpStatusCode.Created));
        }
        finally
        {
            Volatile.Write(ref writing[n], 0);
        }
    }

    private async Task<(Kind, bool)> UpdateAsync()
    {
        // A dataset that is being written is skipped, so two updates never race for one revision.
        for (var attempt = 0; attempt < 16; attempt++)
        {
            if (PickCreated() is not { } n)
            {
                break;
            }

            if (Interlocked.CompareExchange(ref writing[n], 1, 0) != 0)
            {
                continue;
            }

            try
            {
                return (Kind.Update, await PutAsync(Kind.Update, n, Volatile.Read(ref etags[n]), HttpStatusCode.OK));
            }
            finally
            {
                Volatile.Write(ref writing[n], 0);
            }
        }

        return await GetAsync();
    }

    private async Task<(Kind, bool)> GetAsync()
    {
        // Before the first create has answered there is nothing to read: a list page needs no dataset.
        if (PickCreated() is not { } n)
        {
            return await ListAsync();
        }

        return (Kind.Get, await SendAsync(Kind.Get, new HttpRequestMessage(HttpMethod.Get, DatasetPath(n)), HttpStatusCode.OK) is not null);
    }

    private async Task<(Kind, bool)> ListAsync()
    {
        var institution = Random.Shared.Next(options.Institutions);
        var perInstitution = Math.Max(1, Claimed / options.Institutions);
        var page = 1 + Random.Shared.Next((perInstitution + options.PageSize - 1) / options.PageSize);
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/api/v1/rounds/{roundId}/institutions/{Institution(institution)}/datasets?page={page}&pageSize={options.PageSize}");
        return (Kind.List, await SendAsync(Kind.List, new HttpRequestMessage(HttpMethod.Get, path), HttpStatusCode.OK) is not null);
    }

    private async Task<bool> PutAsync(Kind kind, int n, string? ifMatch, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, DatasetPath(n)) { Content = Body(n) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        if (await SendAsync(kind, request, expected) is not { } etag)
        {
            // The write may still have landed (a timeout): read the current tag, so one failure
            // is counted once and not again as a 412 on every later update of this dataset.
            if (ifMatch is not null)
            {
                using var current = new HttpRequestMessage(HttpMethod.Get, DatasetPath(n));
                try
                {
                    using var response = await http.SendAsync(current);
                    if (response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } tag)
                    {
                        Volatile.Write(ref etags[n], tag.ToString());
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // The next update of this dataset reports whatever is still wrong.
                }
            }

            return false;
        }

        Volatile.Write(ref etags[n], etag);
        return true;
    }

    /// <summary>The response's ETag ("" when it has none) when the status is the expected one; null otherwise.</summary>
    private async Task<string?> SendAsync(Kind kind, HttpRequestMessage request, HttpStatusCode expected)
    {
        try
        {
            using (request)
            using (var response = await http.SendAsync(request))
            {
                if (response.StatusCode != expected)
                {
                    await FailedAsync(kind, response);
                    return null;
                }

                await response.Content.LoadIntoBufferAsync();
                return response.Headers.ETag?.ToString() ?? "";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Record(kind, e.GetType().Name, e.Message);
            return null;
        }
    }

    private int? PickCreated()
    {
        var claimed = Claimed;
        for (var attempt = 0; attempt < 16 && claimed > 0; attempt++)
        {
            var n = Random.Shared.Next(claimed);
            if (Volatile.Read(ref etags[n]) is not null)
            {
                return n;
            }
        }

        return null;
    }

    private async Task FailedAsync(Kind kind, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Record(kind, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {body}");
    }

    private void Record(Kind kind, string status, string detail)
    {
        errorsByStatus.AddOrUpdate($"{kind.ToString().ToLowerInvariant()} {status}", 1, (_, count) => count + 1);
        if (Interlocked.Increment(ref errorsShown) <= 20)
        {
            Console.Error.WriteLine($"  error: {kind} {status} {(detail.Length > 400 ? detail[..400] : detail)}");
        }
    }

    private string DatasetPath(int n) => string.Create(CultureInfo.InvariantCulture,
        $"/api/v1/rounds/{roundId}/institutions/{Institution(n % options.Institutions)}/datasets/ds-{n}");

    public static string Institution(int i) => string.Create(CultureInfo.InvariantCulture, $"soak-inst-{i:000}");

    // About 1 KB, as an agency would send it; the record count changes on every write so each
    // update is a real new revision, and modality and availability vary so the ranking has choices.
    private static StringContent Body(int n)
    {
        var json = RecordTemplate
            .Replace("{title}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{records}", Random.Shared.Next(1, 10_000_000).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{modality}", Modalities[n % Modalities.Length], StringComparison.Ordinal)
            .Replace("{now}", Availability[n % Availability.Length], StringComparison.Ordinal);
        return new StringContent(json, Encoding.UTF8, "application/json");
    }

    private static readonly string[] Modalities = ["text", "image", "video", "audio", "tabular", "time-series", "geospatial", "multimodal"];
    private static readonly string[] Availability = ["open", "restricted", "safe-zone-only"];

    private const string RecordTemplate = """
        {"title":"도로 교통 CCTV 영상 {title}","description":"Road CCTV clips from fixed cameras, labelled for vehicle detection, collected by the city's traffic centre.","keywords":["cctv","traffic","vehicle"],"modality":"{modality}","structure":"unstructured","digitization":"digital","formats":["mp4","json"],"volume":{"records":{records},"bytes":9000000000},"collection":{"purpose":"service-operation","method":"fixed cameras","provenanceDocumented":true},"availability":{"now":"{now}","afterProcessing":"open"},"lawfulToProvide":true,"license":"kogl-type1","thirdPartyRights":"none","personalData":{"status":"identifiable","sensitive":false,"deidentificationPlanned":true,"riskAssessed":true,"scanVerified":false},"labeling":{"status":"partial","specDocumented":true,"qaReported":false},"quality":{"assessed":true,"errorRate":0.03,"verified":false},"documentation":{"dataDictionary":true,"datasheet":false},"coverage":{"from":"2020-01-01","to":"2024-12-31"},"maintenance":{"updateFrequency":"monthly","lastUpdated":"2026-10-01","versioned":true},"processingPlan":["de-identification","labeling"],"contactEmail":"data@example.go.kr"}
        """;
}
