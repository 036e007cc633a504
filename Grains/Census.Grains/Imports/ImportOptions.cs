using System.ComponentModel.DataAnnotations;

namespace Census.Grains.Imports;

/// <summary>How an import runs: tuning with sensible defaults (tests make pages small to see them).</summary>
public sealed class ImportOptions
{
    /// <summary>Rows read, judged or written, and recorded (outcomes, counters, cursor) as one page.</summary>
    [Range(1, 10_000)]
    public int PageSize { get; set; } = 500;

    /// <summary>Row writes in flight at once: enough to fill the dataset grains' group commits, few enough to leave room for everyone else.</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 16;

    /// <summary>Row writes in flight at once over every import on one silo (<see cref="ImportWriteSlots"/>).</summary>
    [Range(1, 4_096)]
    public int SiloParallelism { get; set; } = 64;

    /// <summary>Errors an import shows in its <c>errorsSample</c>.</summary>
    [Range(0, 1_000)]
    public int ErrorsSample { get; set; } = 20;

    /// <summary>The wait before a page that failed (a silo lost mid-write) is tried again; it doubles per failure, up to a minute.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
