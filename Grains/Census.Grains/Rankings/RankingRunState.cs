using Census.Contracts.Rankings;

namespace Census.Grains.Rankings;

[GenerateSerializer, Alias("census.RankingRunState")]
public sealed class RankingRunState
{
    [Id(0)] public RankingRunDefinition? Definition { get; set; }
    [Id(1)] public RunState State { get; set; }
    [Id(2)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(3)] public long Scored { get; set; }
    [Id(4)] public long Eligible { get; set; }
    [Id(5)] public long TotalPostQuarterPoints { get; set; }
    [Id(6)] public string? Reason { get; set; }
    [Id(7)] public List<SelectedRecord> Selection { get; set; } = [];

    [Id(9)] public int FailedAttempts { get; set; }

    /// <summary>
    /// The fingerprint of each (institution, sector) group the run read, keyed <c>institution/sector</c>: explanations
    /// compare it with the group now. Null for runs recorded before it existed.
    /// </summary>
    [Id(10)] public Dictionary<string, GroupFingerprint>? Groups { get; set; }
}
