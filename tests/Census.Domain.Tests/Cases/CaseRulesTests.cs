using Census.Contracts.Provision;
using Census.Contracts.Surveys;
using Census.Domain.Cases;

namespace Census.Domain.Tests.Cases;

public sealed class CaseRulesTests
{
    private static SurveyRecord Record(PersonalDataStatus status, params ProcessingStep[] plan) => new()
    {
        PersonalData = new SurveyPersonalData { Status = status, Sensitive = false, DeidentificationPlanned = false, RiskAssessed = false, ScanVerified = false },
        ProcessingPlan = plan,
    };

    [Fact]
    public void Quality_verification_is_always_a_task() =>
        Assert.Equal([ProcessingStep.QualityVerification], CaseRules.Tasks(Record(PersonalDataStatus.None)));

    [Fact]
    public void Personal_data_adds_de_identification_even_when_the_plan_omits_it() =>
        Assert.Equal(
            [ProcessingStep.DeIdentification, ProcessingStep.Labeling, ProcessingStep.QualityVerification],
            CaseRules.Tasks(Record(PersonalDataStatus.Pseudonymized, ProcessingStep.Labeling, ProcessingStep.Labeling)));

    [Theory]
    [InlineData(TaskState.Todo, TaskState.InProgress, 0, true)]
    [InlineData(TaskState.InProgress, TaskState.Done, 1, true)]
    [InlineData(TaskState.InProgress, TaskState.Done, 0, false)]
    [InlineData(TaskState.Todo, TaskState.Done, 1, false)]
    [InlineData(TaskState.Done, TaskState.InProgress, 1, true)]
    [InlineData(TaskState.Done, TaskState.Todo, 1, false)]
    public void Tasks_move_one_step_at_a_time_and_done_needs_evidence(TaskState from, TaskState to, int evidence, bool allowed) =>
        Assert.Equal(allowed, CaseRules.TaskMove(CaseStatus.Processing, from, to, evidence) is null);

    [Fact]
    public void Tasks_do_not_move_outside_processing() =>
        Assert.NotNull(CaseRules.TaskMove(CaseStatus.InReview, TaskState.Todo, TaskState.InProgress, 0));

    [Fact]
    public void Risk_evidence_belongs_to_de_identification_and_documents_to_any_task()
    {
        ProcessingStep[] tasks = [ProcessingStep.DeIdentification, ProcessingStep.QualityVerification];
        Assert.Null(CaseRules.EvidenceFits(CaseStatus.Processing, ProcessingStep.DeIdentification, EvidenceKind.EquivalenceClassTable, tasks));
        Assert.NotNull(CaseRules.EvidenceFits(CaseStatus.Processing, ProcessingStep.QualityVerification, EvidenceKind.IdentifierChecks, tasks));
        Assert.Null(CaseRules.EvidenceFits(CaseStatus.Processing, ProcessingStep.QualityVerification, EvidenceKind.Document, tasks));
        Assert.NotNull(CaseRules.EvidenceFits(CaseStatus.Processing, ProcessingStep.Labeling, EvidenceKind.Document, tasks));
    }

    [Fact]
    public void A_case_is_submitted_with_every_task_done_and_the_record_delivered()
    {
        ProcessingTask[] done = [new(ProcessingStep.QualityVerification, TaskState.Done, ["e1"], null, null)];
        ProcessingTask[] open = [new(ProcessingStep.QualityVerification, TaskState.InProgress, [], null, null)];
        Assert.Null(CaseRules.Submit(CaseStatus.Processing, done, delivered: true));
        Assert.NotNull(CaseRules.Submit(CaseStatus.Processing, done, delivered: false));
        Assert.NotNull(CaseRules.Submit(CaseStatus.Processing, open, delivered: true));
    }

    [Fact]
    public void De_identification_passed_is_the_latest_judged_evidence()
    {
        Evidence Judged(bool? passed, ProcessingStep task = ProcessingStep.DeIdentification) =>
            new("e", task, EvidenceKind.IdentifierChecks, null, null, null, null, null, null, [], passed, 1, DateTimeOffset.UnixEpoch, "a");

        Assert.False(CaseRules.DeidentificationPassed([]));
        Assert.True(CaseRules.DeidentificationPassed([Judged(false), Judged(true), Judged(null)]));
        Assert.False(CaseRules.DeidentificationPassed([Judged(true), Judged(false)]));
        Assert.False(CaseRules.DeidentificationPassed([Judged(true, ProcessingStep.QualityVerification)]));
    }

    [Theory]
    [InlineData("reviewer:kim/0a1b2c3d4e5f", "kim")]
    [InlineData("output-checker:lee-kdi/0a1b2c3d4e5f", "lee-kdi")]
    [InlineData("agency:mois/0a1b2c3d4e5f", null)]
    [InlineData("admin", null)]
    [InlineData("reviewer:/x", null)]
    public void The_principal_of_an_actor_is_read_only_from_a_principal_role(string actor, string? principal) =>
        Assert.Equal(principal, CaseRules.PrincipalOf(actor));
}
