using System.ComponentModel.DataAnnotations;

namespace Census.Grains.Surveys;

/// <summary>Settings of the <see cref="SurveyIndexSweeper"/> (section <c>Census:IndexSweeper</c>).</summary>
public sealed class SurveyIndexSweeperOptions
{
    public const string Section = "Census:IndexSweeper";

    /// <summary>How often each silo looks for intents left behind.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How old an intent must be before the sweeper acts on it: a write in flight clears its own
    /// within milliseconds, so only writes whose index upsert failed (or whose silo died) are left.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many intents are repaired per sweep.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
