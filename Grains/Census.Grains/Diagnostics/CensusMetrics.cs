using System.Diagnostics.Metrics;
using Census.Contracts.Rankings;

namespace Census.Grains.Diagnostics;

/// <summary>
/// The census's own instruments, on one meter (<see cref="MeterName"/>): what the grains did, as
/// opposed to how the runtime did it (Orleans, ASP.NET Core and Npgsql have meters of their own).
/// Created through the host's <see cref="IMeterFactory"/>, so each host (and each test host) has its own.
/// </summary>
public sealed class CensusMetrics
{
    public const string MeterName = "Census";

    private readonly Counter<long> _recordsWritten;
    private readonly Counter<long> _recordsWithdrawn;
    private readonly Counter<long> _runsStarted;
    private readonly Counter<long> _runsEnded;
    private readonly Histogram<double> _runDuration;

    public CensusMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _recordsWritten = meter.CreateCounter<long>(
            "census.records.written", "{record}", "Survey records created or updated (acknowledged writes).");
        _recordsWithdrawn = meter.CreateCounter<long>(
            "census.records.withdrawn", "{record}", "Survey records withdrawn.");
        _runsStarted = meter.CreateCounter<long>(
            "census.ranking.runs.started", "{run}", "Ranking runs started.");
        _runsEnded = meter.CreateCounter<long>(
            "census.ranking.runs.ended", "{run}", "Ranking runs ended, by outcome: completed, infeasible or failed.");
        _runDuration = meter.CreateHistogram(
            "census.ranking.run.duration", "s", "Time from a ranking run's start to its end, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] });
    }

    /// <summary>A survey record write was acknowledged; <paramref name="created"/> is false for an update.</summary>
    public void RecordWritten(bool created) =>
        _recordsWritten.Add(1, new KeyValuePair<string, object?>("outcome", created ? "created" : "updated"));

    public void RecordWithdrawn() => _recordsWithdrawn.Add(1);

    public void RankingRunStarted() => _runsStarted.Add(1);

    /// <summary>A run reached a final state (<see cref="RunState.Completed"/>, <see cref="RunState.Infeasible"/> or <see cref="RunState.Failed"/>).</summary>
    public void RankingRunEnded(RunState outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("outcome", Census.Domain.Validation.Names.Of(outcome));
        _runsEnded.Add(1, tag);
        _runDuration.Record(Math.Max(0, duration.TotalSeconds), tag);
    }
}
