using System.ComponentModel.DataAnnotations;

namespace Census.Grains.Rounds;

/// <summary>The <c>Census:Rounds</c> section: what a round grain needs from configuration.</summary>
public sealed class RoundOptions
{
    /// <summary>Index shards of a new round (fixed when the round is created); a ranking reads them in parallel.</summary>
    [Range(1, 4096)]
    public int ShardCount { get; set; } = 64;

    /// <summary>How often an open round's deadline reminder ticks after the deadline (Orleans' minimum is one minute).</summary>
    public TimeSpan DeadlineCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
