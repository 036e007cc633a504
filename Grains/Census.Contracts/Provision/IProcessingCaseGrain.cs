using Census.Contracts.Principals;
using Census.Contracts.Surveys;
using Orleans.Concurrency;

namespace Census.Contracts.Provision;

/// <summary>One selected dataset's processing case. Key: <c>{roundId}/{institutionId}/{datasetId}</c>.</summary>
[Alias("census.IProcessingCaseGrain")]
public interface IProcessingCaseGrain : IGrainWithStringKey
{
    /// <summary>Opens the case (the round's finalization does, once per selected dataset); idempotent.</summary>
    [Alias("Open")]
    Task<CaseResult> Open(CaseOpening opening);

    [Alias("Get"), ReadOnly]
    Task<ProcessingCase?> Get();

    [Alias("SetTaskState")]
    Task<CaseResult> SetTaskState(ProcessingStep step, TaskState taskState, string actor);

    /// <summary>Attaches evidence already judged by the gateway's evidence readers (or a document's hash).</summary>
    [Alias("AddEvidence")]
    Task<CaseResult> AddEvidence(EvidenceSubmission submission, string actor);

    /// <summary>The processed record; scored under the round's rubric version of the selection.</summary>
    [Alias("Deliver")]
    Task<CaseResult> Deliver(SurveyRecord record, string actor);

    /// <summary>Ends processing: to review when personal data was present, else ready for the tier decision.</summary>
    [Alias("Submit")]
    Task<CaseResult> Submit(string actor);

    [Alias("AssignReviewers")]
    Task<CaseResult> AssignReviewers(IReadOnlyList<PrincipalRef> reviewers, string actor);

    [Alias("Vote")]
    Task<CaseResult> Vote(PrincipalRef reviewer, ReviewDecision decision, string reason);

    /// <summary>Decides the tier: the rule's, or a lower one with a reason (admin).</summary>
    [Alias("DecideTier")]
    Task<CaseResult> DecideTier(ReleaseTier? tier, string? reason, string actor);

    /// <summary>Whether a release may be made now, and at which tier.</summary>
    [Alias("ReleaseGate"), ReadOnly]
    Task<ReleaseGate> ReleaseGate();

    /// <summary>A release of this case was published.</summary>
    [Alias("Released")]
    Task<CaseResult> Released(string version, string actor);
}

/// <summary>What the round tells a case when it opens it; <see cref="Sector"/> is the one the selection counted it under.</summary>
[GenerateSerializer, Immutable, Alias("census.CaseOpening")]
public sealed record CaseOpening(
    [property: Id(0)] int Rank,
    [property: Id(1)] int RubricVersion,
    [property: Id(2)] RubricWeights Weights,
    [property: Id(3)] DateOnly Deadline,
    [property: Id(4)] SurveyRecord Promised,
    [property: Id(5)] string Actor,
    [property: Id(6)] Census.Contracts.Institutions.Sector Sector);

/// <summary>Evidence to attach: a judged table, judged identifier checks, or a document's hash and a note.</summary>
[GenerateSerializer, Immutable, Alias("census.EvidenceSubmission")]
public sealed record EvidenceSubmission(
    [property: Id(0)] ProcessingStep Task,
    [property: Id(1)] EvidenceKind Kind,
    [property: Id(2)] string? FileName,
    [property: Id(3)] string? Sha256,
    [property: Id(4)] long? Bytes,
    [property: Id(5)] string? Note,
    [property: Id(6)] StructuredRiskFigures? Figures,
    [property: Id(7)] IReadOnlyList<IdentifierCheckResult>? IdentifierChecks,
    [property: Id(8)] IReadOnlyList<PolicyCheck> PolicyChecks,
    [property: Id(9)] bool? Passed,
    [property: Id(10)] int? PolicyVersion);

public enum CaseOutcome { Ok, Opened, NotFound, WrongState, Invalid, Forbidden, Conflict }

[GenerateSerializer, Immutable, Alias("census.CaseResult")]
public sealed record CaseResult(
    [property: Id(0)] CaseOutcome Outcome,
    [property: Id(1)] ProcessingCase? Case,
    [property: Id(2)] string? Detail);

/// <summary>Whether a case may be released: its decided tier (never <c>not-providable</c>), or why not.</summary>
[GenerateSerializer, Immutable, Alias("census.ReleaseGate")]
public sealed record ReleaseGate(
    [property: Id(0)] bool Open,
    [property: Id(1)] ReleaseTier? Tier,
    [property: Id(2)] string? Detail)
{
    /// <summary>The delivered record's licence, which the release carries to its requesters.</summary>
    [Id(3)] public Census.Contracts.Surveys.License? License { get; init; }
}
