using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// Survey writes from several concurrent clients, as an agency system would send them during an
/// outage: every distinct write carries its own Idempotency-Key; updates carry If-Match with the
/// revision the previous write of that record was acknowledged with; a write that fails (503,
/// another 5xx, a timeout, a broken connection) is sent again with the same key and body, honouring
/// Retry-After, until it is acknowledged or its retry budget runs out. Everything is recorded: the
/// writes (<see cref="Records"/>) and every attempt (<see cref="Attempts"/>).
/// </summary>
public sealed class SurveyLoad
{
    private static readonly JsonObject Template = JsonNode.Parse(SurveyWritesOnPostgresTests.Record)!.AsObject();

    private readonly Func<HttpClient> _clients;
    private readonly SurveyLoadOptions _options;
    private readonly ConcurrentQueue<LoadRecord> _queue;
    private readonly ConcurrentQueue<LoadAttempt> _attempts = new();
    private readonly Stopwatch _clock = new();
    private int _dispatched;
    private int _acknowledged;
    private readonly List<(int Beyond, Task Release)> _holds = [];

    public SurveyLoad(Func<HttpClient> clients, string roundId, IReadOnlyList<string> institutions, int records, SurveyLoadOptions? options = null)
    {
        _clients = clients;
        _options = options ?? new SurveyLoadOptions();
        RoundId = roundId;
        // Record i is written 1 + (i mod 3) times: a create, and up to two updates with If-Match.
        Records = Enumerable.Range(0, records)
            .Select(i => new LoadRecord(i, institutions[i % institutions.Count], $"ds-{i:00000}", 1 + (i % 3), roundId))
            .ToList();
        _queue = new ConcurrentQueue<LoadRecord>(Records);
    }

    public string RoundId { get; }

    public IReadOnlyList<LoadRecord> Records { get; }

    public int PlannedWrites => Records.Sum(r => r.Writes.Count);

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Every attempt of every write, in no particular order.</summary>
    public IReadOnlyCollection<LoadAttempt> Attempts => _attempts;

    /// <summary>When the load started (attempt times are measured from here).</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Time since the load started: the clock fault times are recorded on, too.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>
    /// Holds every write after the first <paramref name="writes"/> until <paramref name="release"/>
    /// completes, so that part of the load is certain to run after a fault, however fast the rest went.
    /// Call before <see cref="RunAsync"/>; holds add up.
    /// </summary>
    public void HoldWritesBeyond(int writes, Task release) => _holds.Add((writes, release));

    public async Task RunAsync()
    {
        StartedAt = DateTimeOffset.UtcNow;
        _clock.Start();
        await Task.WhenAll(Enumerable.Range(0, _options.Clients).Select(_ => Task.Run(ClientAsync)));
        _clock.Stop();
    }

    /// <summary>Waits until at least <paramref name="count"/> writes are acknowledged (or the load has ended).</summary>
    public async Task UntilAcknowledgedAsync(int count, Task running)
    {
        while (Acknowledged < count && !running.IsCompleted)
        {
            await Task.Delay(20);
        }
    }

    private async Task ClientAsync()
    {
        using var client = _clients();
        client.Timeout = Timeout.InfiniteTimeSpan;
        while (_queue.TryDequeue(out var record))
        {
            int? revision = null;
            foreach (var write in record.Writes)
            {
                await PaceAsync();
                if (!await SendAsync(client, record, write, revision))
                {
                    // Without an acknowledged revision the next update has nothing to match.
                    break;
                }

                revision = write.Revision;
            }
        }
    }

    /// <summary>Writes start no faster than the configured rate, in order of dispatch.</summary>
    private async Task PaceAsync()
    {
        var slot = Interlocked.Increment(ref _dispatched);
        foreach (var (beyond, release) in _holds)
        {
            if (slot > beyond)
            {
                await release;
            }
        }

        var due = TimeSpan.FromSeconds(slot / _options.WritesPerSecond);
        var wait = due - _clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    private async Task<bool> SendAsync(HttpClient client, LoadRecord record, LoadWrite write, int? ifMatch)
    {
        var path = $"/api/v1/rounds/{RoundId}/institutions/{record.Institution}/datasets/{record.DatasetId}";
        var body = Body(write.Title);
        write.FirstSentAt = _clock.Elapsed;
        while (true)
        {
            write.Attempts++;
            using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", write.IdempotencyKey);
            if (ifMatch is { } expected)
            {
                request.Headers.TryAddWithoutValidation("If-Match", $"\"{expected}\"");
            }

            var sentAt = _clock.Elapsed;
            int status;
            TimeSpan? retryAfter = null;
            string? failure = null;
            using var timeout = new CancellationTokenSource(_options.AttemptTimeout);
            try
            {
                using var response = await client.SendAsync(request, timeout.Token);
                status = (int)response.StatusCode;
                retryAfter = response.Headers.RetryAfter?.Delta;
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                if (status is 200 or 201)
                {
                    using var json = JsonDocument.Parse(text);
                    write.Revision = json.RootElement.GetProperty("revision").GetInt32();
                    write.UpdatedAt = json.RootElement.GetProperty("updatedAt").GetDateTimeOffset();
                    write.AcknowledgedTitle = json.RootElement.GetProperty("record").GetProperty("title").GetString();
                    write.Status = status;
                    write.AcknowledgedAt = _clock.Elapsed;
                    _attempts.Enqueue(new LoadAttempt(sentAt, _clock.Elapsed, status, HasRetryAfter: retryAfter is not null, null));
                    Interlocked.Increment(ref _acknowledged);
                    return true;
                }

                failure = text.Length > 300 ? text[..300] : text;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                status = LoadAttempt.TimedOut;
                failure = $"no answer within {_options.AttemptTimeout.TotalSeconds:0} s";
            }
            catch (HttpRequestException e)
            {
                status = LoadAttempt.TransportError;
                failure = e.Message;
            }

            _attempts.Enqueue(new LoadAttempt(sentAt, _clock.Elapsed, status, retryAfter is not null, failure));
            write.Status = status;
            write.LastFailure = failure;
            var retryable = status is LoadAttempt.TimedOut or LoadAttempt.TransportError or >= 500;
            if (!retryable || _clock.Elapsed - write.FirstSentAt > _options.WriteBudget)
            {
                return false;
            }

            // Honour Retry-After (bounded, so one bad header cannot stall the test); else back off briefly.
            var delay = retryAfter is { } asked ? (asked > _options.MaxRetryAfter ? _options.MaxRetryAfter : asked) : _options.RetryDelay;
            await Task.Delay(delay);
        }
    }

    private static string Body(string title)
    {
        var record = Template.DeepClone().AsObject();
        record["title"] = title;
        return record.ToJsonString();
    }
}

public sealed record SurveyLoadOptions
{
    /// <summary>Concurrent clients, each writing one record at a time.</summary>
    public int Clients { get; init; } = 8;

    /// <summary>The pace of first attempts across all clients (retries are not paced).</summary>
    public double WritesPerSecond { get; init; } = 150;

    /// <summary>A client gives up on one attempt after this long (the gateway's cluster call times out at 30 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>A write is retried until this long after its first attempt, then given up.</summary>
    public TimeSpan WriteBudget { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>The wait before a retry when the failure carried no Retry-After (a timeout, a broken connection).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>One survey record of the load and its planned writes.</summary>
public sealed class LoadRecord
{
    public LoadRecord(int number, string institution, string datasetId, int writes, string roundId)
    {
        Number = number;
        Institution = institution;
        DatasetId = datasetId;
        // Keys and titles are unique per write across the whole load.
        Writes = Enumerable.Range(1, writes)
            .Select(step => new LoadWrite(step, $"{roundId}-{datasetId}-w{step}", $"{datasetId} write {step}"))
            .ToList();
    }

    public int Number { get; }

    public string Institution { get; }

    public string DatasetId { get; }

    public IReadOnlyList<LoadWrite> Writes { get; }
}

/// <summary>One distinct write: its key and body never change between attempts.</summary>
public sealed class LoadWrite(int step, string idempotencyKey, string title)
{
    public int Step { get; } = step;

    public string IdempotencyKey { get; } = idempotencyKey;

    public string Title { get; } = title;

    public int Attempts { get; set; }

    public TimeSpan? FirstSentAt { get; set; }

    public TimeSpan? AcknowledgedAt { get; set; }

    /// <summary>The last status seen: 200/201 when acknowledged, else the last failure.</summary>
    public int? Status { get; set; }

    public string? LastFailure { get; set; }

    public int? Revision { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? AcknowledgedTitle { get; set; }

    public bool Sent => Attempts > 0;

    public bool Acknowledged => AcknowledgedAt is not null;
}

/// <summary>One HTTP attempt: when it was sent and answered (load time), its status, and whether a 503 said when to retry.</summary>
public sealed record LoadAttempt(TimeSpan SentAt, TimeSpan AnsweredAt, int Status, bool HasRetryAfter, string? Failure)
{
    /// <summary>Pseudo-status: the client gave up waiting for an answer.</summary>
    public const int TimedOut = -1;

    /// <summary>Pseudo-status: the request failed below HTTP (connection refused or reset).</summary>
    public const int TransportError = -2;

    public bool Succeeded => Status is >= 200 and < 300;
}
