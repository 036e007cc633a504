using System.Globalization;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>Reads a <see cref="SurveyLoad"/>'s attempts: what the clients saw, overall and after each fault.</summary>
public sealed class LoadTimeline(SurveyLoad load)
{
    private readonly IReadOnlyList<LoadAttempt> _attempts = [.. load.Attempts.OrderBy(a => a.SentAt)];

    public int Attempts => _attempts.Count;

    public int Failures => _attempts.Count(a => !a.Succeeded);

    /// <summary>Server errors other than 503: what a client must never see.</summary>
    public IReadOnlyList<LoadAttempt> ServerErrors => [.. _attempts.Where(a => a.Status >= 500 && a.Status != 503)];

    /// <summary>Answers a retry cannot fix (4xx): a lost write or a broken precondition shows up here.</summary>
    public IReadOnlyList<LoadAttempt> ClientErrors => [.. _attempts.Where(a => a.Status is >= 400 and < 500)];

    public int ServiceUnavailable => _attempts.Count(a => a.Status == 503);

    public int ServiceUnavailableWithoutRetryAfter => _attempts.Count(a => a.Status == 503 && !a.HasRetryAfter);

    /// <summary>Counts per status, e.g. "200: 2520, 201: 2520, 503: 40, timeout: 2".</summary>
    public string StatusCounts => string.Join(", ", _attempts
        .GroupBy(a => a.Status)
        .OrderBy(g => g.Key)
        .Select(g => $"{Name(g.Key)}: {g.Count()}"));

    /// <summary>Failed attempts answered in [from, to).</summary>
    public IReadOnlyList<LoadAttempt> FailuresBetween(TimeSpan from, TimeSpan to) =>
        [.. _attempts.Where(a => !a.Succeeded && a.AnsweredAt >= from && a.AnsweredAt < to)];

    /// <summary>
    /// Time to recover from a fault at <paramref name="faultAt"/>: from the fault until the last
    /// failed answer before <paramref name="until"/> — after it, every attempt succeeded. Zero when no
    /// attempt failed.
    /// </summary>
    public TimeSpan RecoveredAfter(TimeSpan faultAt, TimeSpan until)
    {
        var failures = FailuresBetween(faultAt, until);
        return failures.Count == 0 ? TimeSpan.Zero : failures.Max(a => a.AnsweredAt) - faultAt;
    }

    /// <summary>Writes acknowledged (first attempt sent to acknowledgement) in [from, to).</summary>
    public int AcknowledgedBetween(TimeSpan from, TimeSpan to) =>
        load.Records.SelectMany(r => r.Writes).Count(w => w.AcknowledgedAt is { } at && at >= from && at < to);

    /// <summary>From <paramref name="from"/> to the first successful answer after it (null if none came).</summary>
    public TimeSpan? FirstSuccessAfter(TimeSpan from) =>
        _attempts.Where(a => a.Succeeded && a.AnsweredAt >= from).Select(a => (TimeSpan?)(a.AnsweredAt - from)).Min();

    /// <summary>The longest a write waited from its first attempt to its acknowledgement.</summary>
    public TimeSpan SlowestWrite => load.Records.SelectMany(r => r.Writes)
        .Where(w => w.Acknowledged)
        .Select(w => w.AcknowledgedAt!.Value - w.FirstSentAt!.Value)
        .DefaultIfEmpty(TimeSpan.Zero)
        .Max();

    public int Retried => load.Records.SelectMany(r => r.Writes).Count(w => w.Attempts > 1);

    private static string Name(int status) => status switch
    {
        LoadAttempt.TimedOut => "timeout",
        LoadAttempt.TransportError => "transport error",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };
}
