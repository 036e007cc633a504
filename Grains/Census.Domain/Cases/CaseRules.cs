using Census.Contracts.Provision;
using Census.Contracts.Surveys;

namespace Census.Domain.Cases;

/// <summary>
/// The rules of a processing case (provision.md §1): which tasks it has, how they move, what evidence each takes,
/// when a case may be submitted, and when a tier may be decided. Each guard answers null when allowed, else why not.
/// </summary>
public static class CaseRules
{
    /// <summary>Reasons and notes: 1–2,000 characters.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>
    /// The principal id in an actor written by a principal's key (<c>reviewer:kim/0a1b2c3d4e5f</c> → <c>kim</c>); null for
    /// an admin's or an agency's actor. Evidence is uploaded by whoever may work the case; if a principal ever did, it is
    /// this id that may not review it.
    /// </summary>
    public static string? PrincipalOf(string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var colon = actor.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Validation.Names.TryParse<Census.Contracts.Principals.PrincipalRole>(actor[..colon], out _))
        {
            return null;
        }

        var slash = actor.IndexOf('/', colon);
        return slash > colon + 1 ? actor[(colon + 1)..slash] : null;
    }

    /// <summary>Whether the record declares personal data (status other than none).</summary>
    public static bool HasPersonalData(SurveyRecord record) =>
        record.PersonalData?.Status is { } status && status != PersonalDataStatus.None;

    /// <summary>
    /// The tasks of a new case: the record's processing plan, plus quality verification always and de-identification
    /// whenever personal data is declared; each once, in the order of <see cref="ProcessingStep"/>.
    /// </summary>
    public static IReadOnlyList<ProcessingStep> Tasks(SurveyRecord promised)
    {
        ArgumentNullException.ThrowIfNull(promised);
        var steps = new HashSet<ProcessingStep>(promised.ProcessingPlan ?? []) { ProcessingStep.QualityVerification };
        if (HasPersonalData(promised))
        {
            steps.Add(ProcessingStep.DeIdentification);
        }

        return [.. steps.Order()];
    }

    /// <summary>A task's move: todo → in-progress → done, and back one step to rework it; done needs evidence attached.</summary>
    public static string? TaskMove(CaseStatus status, TaskState from, TaskState to, int evidenceAttached)
    {
        if (status != CaseStatus.Processing)
        {
            return $"Tasks change only while the case is processing; it is {Validation.Names.Of(status)}.";
        }

        if (from == to)
        {
            return null;
        }

        var allowed = (from, to) switch
        {
            (TaskState.Todo, TaskState.InProgress) => true,
            (TaskState.InProgress, TaskState.Done) => true,
            (TaskState.InProgress, TaskState.Todo) => true,
            (TaskState.Done, TaskState.InProgress) => true,
            _ => false,
        };
        if (!allowed)
        {
            return $"A task moves todo → in-progress → done (or back one step), not {Validation.Names.Of(from)} → {Validation.Names.Of(to)}.";
        }

        return to == TaskState.Done && evidenceAttached == 0
            ? "A task is done only with evidence attached: upload its evidence first."
            : null;
    }

    /// <summary>Which evidence a task takes: tables and identifier checks belong to de-identification; documents to any task.</summary>
    public static string? EvidenceFits(CaseStatus status, ProcessingStep task, EvidenceKind kind, IReadOnlyCollection<ProcessingStep> caseTasks)
    {
        if (status != CaseStatus.Processing)
        {
            return $"Evidence is added only while the case is processing; it is {Validation.Names.Of(status)}.";
        }

        if (!caseTasks.Contains(task))
        {
            return $"This case has no {Validation.Names.Of(task)} task.";
        }

        return kind != EvidenceKind.Document && task != ProcessingStep.DeIdentification
            ? $"{Validation.Names.Of(kind)} evidence belongs to the de-identification task."
            : null;
    }

    /// <summary>A case may leave processing when every task is done and the processed record was delivered.</summary>
    public static string? Submit(CaseStatus status, IEnumerable<ProcessingTask> tasks, bool delivered)
    {
        if (status != CaseStatus.Processing)
        {
            return $"Only a case in processing can be submitted; it is {Validation.Names.Of(status)}.";
        }

        var open = tasks.Where(t => t.State != TaskState.Done).Select(t => Validation.Names.Of(t.Step)).ToList();
        if (open.Count > 0)
        {
            return $"Every task must be done first; not done: {string.Join(", ", open)}.";
        }

        return delivered ? null : "Deliver the processed dataset's record first.";
    }

    /// <summary>
    /// Whether de-identification passed: the latest de-identification evidence that was judged (a table or identifier
    /// checks) passed. False when there is none.
    /// </summary>
    public static bool DeidentificationPassed(IEnumerable<Evidence> evidence) =>
        evidence.LastOrDefault(e => e.Task == ProcessingStep.DeIdentification && e.Passed is not null)?.Passed == true;

    /// <summary>A tier may be decided once the case is ready (review approved, or none needed) and until it is released.</summary>
    public static string? DecideTier(CaseStatus status, bool delivered)
    {
        if (status is not (CaseStatus.Ready or CaseStatus.TierDecided))
        {
            return status == CaseStatus.Released
                ? "The case has a published release; its tier no longer changes (provision for a new case instead)."
                : $"A tier is decided after processing and, where personal data was present, an approved adequacy review; the case is {Validation.Names.Of(status)}.";
        }

        return delivered ? null : "The processed dataset's record has not been delivered.";
    }
}
