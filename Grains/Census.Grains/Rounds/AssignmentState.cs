using Census.Contracts.Rounds;

namespace Census.Grains.Rounds;

[GenerateSerializer, Alias("census.AssignmentState")]
public sealed class AssignmentState
{
    /// <summary>Null until the institution first acts in the round (then it is no longer merely invited).</summary>
    [Id(0)] public AssignmentStatus? Status { get; set; }
    [Id(2)] public DateTimeOffset? SubmittedAt { get; set; }
    [Id(3)] public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>Audit entries dropped to keep <see cref="Audit"/> bounded (the latest are kept).</summary>
    [Id(4)] public long DroppedAuditEntries { get; set; }

    /// <summary>How many times the institution submitted: the sequence that orders writes after submissions.</summary>
    [Id(10)] public int Submissions { get; set; }
}
