using Census.Contracts.Rounds;
using Census.Contracts.Surveys;

namespace Census.Grains.Rounds;

/// <summary>The durable state of a census round.</summary>
[GenerateSerializer, Alias("census.CensusRoundState")]
public sealed class CensusRoundState
{
    [Id(0)] public string? Id { get; set; }
    [Id(1)] public string Title { get; set; } = "";
    [Id(2)] public RoundState State { get; set; }
    [Id(3)] public DateTimeOffset Deadline { get; set; }
    [Id(4)] public SelectionPolicy Selection { get; set; } = new();
    [Id(5)] public List<RubricVersionEntry> RubricVersions { get; set; } = [];

    /// <summary>Explicitly invited institutions; null means every registered institution.</summary>
    [Id(6)] public List<string>? Institutions { get; set; }
    [Id(7)] public int ShardCount { get; set; }
    [Id(8)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(9)] public DateTimeOffset CreatedAt { get; set; }
    [Id(10)] public DateTimeOffset? OpenedAt { get; set; }
    [Id(11)] public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Each institution whose assignment has moved past invited, with its status: the progress counters.</summary>
    [Id(12)] public Dictionary<string, AssignmentStatus> Statuses { get; set; } = [];

    /// <summary>Institutions whose assignment grain caches this round's write context and must hear of changes.</summary>
    [Id(13)] public HashSet<string> Subscribers { get; set; } = [];

    /// <summary>Ranking runs of this round, in start order (each is its own grain).</summary>
    [Id(14)] public List<string> Runs { get; set; } = [];

    /// <summary>The finalized selection and the run it came from.</summary>
    [Id(15)] public List<Census.Contracts.Rankings.SelectedRecord>? FinalSelection { get; set; }
    [Id(16)] public string? FinalRunId { get; set; }
    [Id(17)] public DateTimeOffset? FinalizedAt { get; set; }

    /// <summary>
    /// How many runs had been started when the round closed (null until then): runs numbered above it read the
    /// index after the close, and only they may be finalized. A sequence, so no clock decides it.
    /// </summary>
    [Id(18)] public int? RunsStartedAtClose { get; set; }

    /// <summary>Audit entries dropped to keep <see cref="Audit"/> bounded (the latest are kept).</summary>
    [Id(19)] public long DroppedAuditEntries { get; set; }

    /// <summary>True once the case opener has the final selection (false after a finalization means handing it over is owed).</summary>
    [Id(20)] public bool CasesOpened { get; set; }
}

[GenerateSerializer, Alias("census.RubricVersionEntry")]
public sealed record RubricVersionEntry(
    [property: Id(0)] int Version,
    [property: Id(1)] RubricWeights Weights,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string CreatedBy);

/// <summary>Who changed what, when.</summary>
[GenerateSerializer, Alias("census.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action);
