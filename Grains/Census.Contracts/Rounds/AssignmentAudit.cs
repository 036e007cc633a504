using Census.Contracts.Common;

namespace Census.Contracts.Rounds;

/// <summary>
/// Who changed what, when, in an institution's response: the assignment's own history (<see cref="Entries"/>, oldest
/// first; the oldest beyond a bound are dropped and counted in <see cref="DroppedEntries"/>) and a page of its records'
/// latest changes (<see cref="Records"/>, from the survey index, ordered by dataset id).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.AssignmentAudit")]
public sealed record AssignmentAudit(
    [property: Id(0)] string RoundId,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] IReadOnlyList<AssignmentAuditEntry> Entries,
    [property: Id(3)] long DroppedEntries,
    [property: Id(4)] Page<RecordChange> Records);

/// <summary>One change of the assignment: its status moved to <see cref="Status"/>; <see cref="Actor"/> when known.</summary>
[GenerateSerializer, Immutable, Alias("census.AssignmentAuditEntry")]
public sealed record AssignmentAuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string? Actor,
    [property: Id(2)] AssignmentStatus Status);

/// <summary>A record's latest change: its revision, who wrote it and when.</summary>
[GenerateSerializer, Immutable, Alias("census.RecordChange")]
public sealed record RecordChange(
    [property: Id(0)] string DatasetId,
    [property: Id(1)] string? Title,
    [property: Id(2)] int Revision,
    [property: Id(3)] string UpdatedBy,
    [property: Id(4)] DateTimeOffset UpdatedAt);
