using System.Globalization;

namespace Census.Soak;

/// <summary>What completed in one wall-clock minute of the soak, by kind, plus the processes' memory at its end.</summary>
sealed class MinuteStats
{
    private readonly object gate = new();
    private readonly List<double>[] latencies = Enum.GetValues<Kind>().Select(_ => new List<double>(32_768)).ToArray();
    private readonly long[] errors = new long[Enum.GetValues<Kind>().Length];

    public MinuteStats(int minute) => Minute = minute;

    public int Minute { get; }

    /// <summary>Seconds this bucket covered (the last one may be cut short); set when the minute ends.</summary>
    public double Seconds { get; set; } = 60;

    /// <summary>Resident memory in MiB per process name, sampled at the end of the minute.</summary>
    public IReadOnlyList<(string Name, double MiB)> Memory { get; set; } = [];

    /// <summary>Whether every dataset of the population had been claimed by the end of the minute.</summary>
    public bool PopulationFull { get; set; }

    public void Success(Kind kind, double ms)
    {
        lock (gate)
        {
            latencies[(int)kind].Add(ms);
        }
    }

    public void Error(Kind kind)
    {
        lock (gate)
        {
            errors[(int)kind]++;
        }
    }

    public long Count(Kind kind)
    {
        lock (gate)
        {
            return latencies[(int)kind].Count + errors[(int)kind];
        }
    }

    public long Errors()
    {
        lock (gate)
        {
            return errors.Sum();
        }
    }

    public double PerSecond(Kind kind) => Count(kind) / Seconds;

    /// <summary>The p-th percentile of the kind's successful latencies in ms, NaN when none completed.</summary>
    public double Percentile(Kind kind, double p)
    {
        double[] sorted;
        lock (gate)
        {
            sorted = [.. latencies[(int)kind]];
        }

        Array.Sort(sorted);
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>Every successful latency of the kind (ranking runs: the whole run, start to completion).</summary>
    public double[] Latencies(Kind kind)
    {
        lock (gate)
        {
            return [.. latencies[(int)kind]];
        }
    }

    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
