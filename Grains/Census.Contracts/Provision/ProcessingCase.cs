using Census.Contracts.Institutions;
using Census.Contracts.Surveys;

namespace Census.Contracts.Provision;

/// <summary>
/// One selected dataset's way from the selection to its release (provision.md §1). Key of its grain:
/// <c>{roundId}/{institutionId}/{datasetId}</c>. <see cref="Revision"/> grows with every change (the ETag).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ProcessingCase")]
public sealed record ProcessingCase(
    [property: Id(0)] string RoundId,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] string DatasetId,
    [property: Id(3)] int Rank,
    [property: Id(4)] string Title,
    [property: Id(5)] Sector Sector,
    [property: Id(6)] Modality Modality,
    [property: Id(7)] CaseStatus Status,
    [property: Id(8)] bool PersonalDataPresent,
    [property: Id(9)] Score Promised,
    [property: Id(10)] IReadOnlyList<ProcessingTask> Tasks,
    [property: Id(11)] IReadOnlyList<Evidence> Evidence,
    [property: Id(12)] IReadOnlyList<string> Reviewers,
    [property: Id(13)] IReadOnlyList<Review> Reviews,
    [property: Id(14)] DeliveredRecord? Delivered,
    [property: Id(15)] PromiseGap? Gap,
    [property: Id(16)] TierChoice? Tier,
    [property: Id(17)] IReadOnlyList<string> Releases,
    [property: Id(18)] IReadOnlyList<CaseHistoryEntry> History,
    [property: Id(19)] DateTimeOffset OpenedAt,
    [property: Id(20)] int Revision);

/// <summary>One task of a case, and the ids of the evidence attached to it.</summary>
[GenerateSerializer, Immutable, Alias("census.ProcessingTask")]
public sealed record ProcessingTask(
    [property: Id(0)] ProcessingStep Step,
    [property: Id(1)] TaskState State,
    [property: Id(2)] IReadOnlyList<string> Evidence,
    [property: Id(3)] DateTimeOffset? UpdatedAt,
    [property: Id(4)] string? UpdatedBy);

/// <summary>
/// One piece of evidence, kept for ever (a later upload is a new piece; nothing is replaced). For a table, the
/// figures computed from it, the policy version they were judged under and the table's SHA-256, so anyone holding the
/// table can recompute them.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.Evidence")]
public sealed record Evidence(
    [property: Id(0)] string Id,
    [property: Id(1)] ProcessingStep Task,
    [property: Id(2)] EvidenceKind Kind,
    [property: Id(3)] string? FileName,
    [property: Id(4)] string? Sha256,
    [property: Id(5)] long? Bytes,
    [property: Id(6)] string? Note,
    [property: Id(7)] StructuredRiskFigures? Figures,
    [property: Id(8)] IReadOnlyList<IdentifierCheckResult>? IdentifierChecks,
    [property: Id(9)] IReadOnlyList<PolicyCheck> PolicyChecks,
    [property: Id(10)] bool? Passed,
    [property: Id(11)] int? PolicyVersion,
    [property: Id(12)] DateTimeOffset At,
    [property: Id(13)] string By);

/// <summary>One adequacy review: the reviewers assigned for it, their votes, and how it ended.</summary>
[GenerateSerializer, Immutable, Alias("census.Review")]
public sealed record Review(
    [property: Id(0)] int Number,
    [property: Id(1)] IReadOnlyList<string> Reviewers,
    [property: Id(2)] IReadOnlyList<ReviewVote> Votes,
    [property: Id(3)] ReviewOutcome? Outcome,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset? DecidedAt);

[GenerateSerializer, Immutable, Alias("census.ReviewVote")]
public sealed record ReviewVote(
    [property: Id(0)] string Reviewer,
    [property: Id(1)] ReviewDecision Decision,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At);

/// <summary>The processed dataset's record as the institution delivered it, and its score under the round's rubric version.</summary>
[GenerateSerializer, Immutable, Alias("census.DeliveredRecord")]
public sealed record DeliveredRecord(
    [property: Id(0)] SurveyRecord Record,
    [property: Id(1)] Score Score,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string By);

/// <summary>The tier the rule gave, the tier decided (equal, or lower with a reason) and by whom.</summary>
[GenerateSerializer, Immutable, Alias("census.TierChoice")]
public sealed record TierChoice(
    [property: Id(0)] TierDecision Ruled,
    [property: Id(1)] ReleaseTier Tier,
    [property: Id(2)] string? Reason,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string By);

[GenerateSerializer, Immutable, Alias("census.CaseHistoryEntry")]
public sealed record CaseHistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action);
