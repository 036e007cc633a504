using Census.Contracts.Catalogue;
using Census.Contracts.Principals;
using Census.Contracts.Provision;
using Census.Contracts.Surveys;
using Census.Domain.Cases;
using Census.Domain.Provision;
using Census.Domain.Rubric;
using Census.Domain.Validation;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Provision;

/// <summary>
/// One selected dataset's processing case (provision.md §1). Every rule is Census.Domain's (CaseRules, ReviewRules,
/// ReleaseTierRule, PromiseGaps); the grain holds the state, keeps every piece of evidence, vote and decision, and
/// tells the round's case board after each change.
/// </summary>
[GrainType("processing-case")]
public sealed class ProcessingCaseGrain(
    [PersistentState("case", StorageNames.Census)] IPersistentState<ProcessingCaseState> state,
    TimeProvider clock,
    ILogger<ProcessingCaseGrain> logger) : Grain, IProcessingCaseGrain
{
    private ProcessingCase? Case => state.State.Case;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A crash between this case's write and the board's leaves a push owed.
        if (Case is not null && !state.State.Posted)
        {
            await PostAsync();
        }
    }

    async Task<CaseResult> IProcessingCaseGrain.Open(CaseOpening opening)
    {
        if (Case is { } existing)
        {
            return new CaseResult(CaseOutcome.Ok, existing, null);
        }

        var parts = this.GetPrimaryKeyString().Split('/');
        var promised = opening.Promised;
        var now = clock.GetUtcNow();
        var score = AtusRubric.Score(promised, opening.Deadline, opening.Weights, opening.RubricVersion);
        state.State.PromisedRecord = promised;
        state.State.RubricVersion = opening.RubricVersion;
        state.State.Weights = opening.Weights;
        state.State.Deadline = opening.Deadline;
        state.State.Case = new ProcessingCase(
            parts[0], parts[1], parts[2], opening.Rank, promised.Title!, opening.Sector, promised.Modality!.Value,
            CaseStatus.Processing, CaseRules.HasPersonalData(promised), score,
            [.. CaseRules.Tasks(promised).Select(step => new ProcessingTask(step, TaskState.Todo, [], null, null))],
            [], [], [], null, null, null, [],
            [new CaseHistoryEntry(now, opening.Actor, "opened")], now, 1);
        await SaveAsync();
        logger.LogInformation("Processing case {CaseId} opened", this.GetPrimaryKeyString());
        return new CaseResult(CaseOutcome.Opened, Case, null);
    }

    Task<ProcessingCase?> IProcessingCaseGrain.Get() => Task.FromResult(Case);

    Task<CaseResult> IProcessingCaseGrain.SetTaskState(ProcessingStep step, TaskState taskState, string actor) =>
        Change(c =>
        {
            var task = c.Tasks.FirstOrDefault(t => t.Step == step);
            if (task is null)
            {
                return Refused(CaseOutcome.NotFound, $"This case has no {Names.Of(step)} task.");
            }

            if (CaseRules.TaskMove(c.Status, task.State, taskState, task.Evidence.Count) is { } why)
            {
                return Refused(CaseOutcome.WrongState, why);
            }

            var now = clock.GetUtcNow();
            var tasks = c.Tasks.Select(t => t.Step == step ? t with { State = taskState, UpdatedAt = now, UpdatedBy = actor } : t).ToList();
            return Changed(c with { Tasks = tasks }, actor, $"task {Names.Of(step)} → {Names.Of(taskState)}");
        });

    Task<CaseResult> IProcessingCaseGrain.AddEvidence(EvidenceSubmission submission, string actor) =>
        Change(c =>
        {
            if (CaseRules.EvidenceFits(c.Status, submission.Task, submission.Kind, [.. c.Tasks.Select(t => t.Step)]) is { } why)
            {
                return Refused(CaseOutcome.WrongState, why);
            }

            var now = clock.GetUtcNow();
            var id = $"e{c.Evidence.Count + 1}";
            var evidence = new Evidence(
                id, submission.Task, submission.Kind, submission.FileName, submission.Sha256, submission.Bytes, submission.Note,
                submission.Figures, submission.IdentifierChecks, submission.PolicyChecks, submission.Passed, submission.PolicyVersion,
                now, actor);
            var tasks = c.Tasks.Select(t => t.Step == submission.Task ? t with { Evidence = [.. t.Evidence, id] } : t).ToList();
            var verdict = submission.Passed is { } passed ? (passed ? ", passed" : ", failed") : "";
            return Changed(c with { Evidence = [.. c.Evidence, evidence], Tasks = tasks }, actor,
                $"evidence {id} ({Names.Of(submission.Kind)}) for {Names.Of(submission.Task)}{verdict}");
        });

    Task<CaseResult> IProcessingCaseGrain.Deliver(SurveyRecord record, string actor) =>
        Change(c =>
        {
            if (c.Status != CaseStatus.Processing)
            {
                return Refused(CaseOutcome.WrongState, "The processed record is delivered while the case is processing.");
            }

            var score = AtusRubric.Score(record, state.State.Deadline, state.State.Weights!, state.State.RubricVersion);
            var delivered = new DeliveredRecord(record, score, clock.GetUtcNow(), actor);
            var gap = PromiseGaps.Compute(c.Promised, score);
            return Changed(c with { Delivered = delivered, Gap = gap }, actor,
                $"processed record delivered (score {score.Now}; promised {c.Promised.Post})");
        });

    Task<CaseResult> IProcessingCaseGrain.Submit(string actor) =>
        Change(c =>
        {
            if (CaseRules.Submit(c.Status, c.Tasks, c.Delivered is not null) is { } why)
            {
                return Refused(CaseOutcome.WrongState, why);
            }

            if (!c.PersonalDataPresent)
            {
                return Changed(c with { Status = CaseStatus.Ready }, actor, "submitted; no personal data, so no adequacy review is needed");
            }

            if (c.Reviewers.Count < ReviewRules.MinimumReviewers)
            {
                return Refused(CaseOutcome.WrongState,
                    $"Personal data was present: an admin must assign at least {ReviewRules.MinimumReviewers} reviewers before the case is submitted.");
            }

            var review = new Review(c.Reviews.Count + 1, c.Reviewers, [], null, clock.GetUtcNow(), null);
            return Changed(c with { Status = CaseStatus.InReview, Reviews = [.. c.Reviews, review] }, actor, $"submitted for adequacy review {review.Number}");
        });

    Task<CaseResult> IProcessingCaseGrain.AssignReviewers(IReadOnlyList<PrincipalRef> reviewers, string actor) =>
        Change(c =>
        {
            var current = c.Status == CaseStatus.InReview ? c.Reviews[^1] : null;
            var uploaders = c.Evidence.Select(e => CaseRules.PrincipalOf(e.By)).OfType<string>();
            if (ReviewRules.Assign(c.Status, reviewers, c.InstitutionId, uploaders, current?.Votes.Count > 0) is { } refusal)
            {
                return Refused(refusal.Outcome, refusal.Detail);
            }

            var ids = reviewers.Select(r => r.Id).ToList();
            var reviews = current is null ? c.Reviews : [.. c.Reviews.SkipLast(1), current with { Reviewers = ids }];
            return Changed(c with { Reviewers = ids, Reviews = reviews }, actor, $"reviewers assigned: {string.Join(", ", ids)}");
        });

    Task<CaseResult> IProcessingCaseGrain.Vote(PrincipalRef reviewer, ReviewDecision decision, string reason) =>
        Change(c =>
        {
            var current = c.Reviews.Count > 0 ? c.Reviews[^1] : null;
            if (ReviewRules.Vote(c.Status, current, reviewer, c.InstitutionId, reason) is { } refusal)
            {
                return Refused(refusal.Outcome, refusal.Detail);
            }

            var now = clock.GetUtcNow();
            var votes = current!.Votes.Append(new ReviewVote(reviewer.Id, decision, reason.Trim(), now)).ToList();
            var result = ReviewRules.Outcome(current.Reviewers, votes);
            var review = current with { Votes = votes, Outcome = result, DecidedAt = result is null ? null : now };
            var status = result switch
            {
                ReviewOutcome.Approved => CaseStatus.Ready,
                ReviewOutcome.Rejected => CaseStatus.Processing,
                _ => CaseStatus.InReview,
            };
            var actor = $"reviewer:{reviewer.Id}";
            var action = $"review {review.Number}: {Names.Of(decision)} ({reason.Trim()})" + result switch
            {
                ReviewOutcome.Approved => "; approved by every reviewer",
                ReviewOutcome.Rejected => "; rejected, back to processing",
                _ => "",
            };
            return Changed(c with { Reviews = [.. c.Reviews.SkipLast(1), review], Status = status }, actor, action);
        });

    Task<CaseResult> IProcessingCaseGrain.DecideTier(ReleaseTier? tier, string? reason, string actor) =>
        Change(c =>
        {
            if (CaseRules.DecideTier(c.Status, c.Delivered is not null) is { } why)
            {
                return Refused(CaseOutcome.WrongState, why);
            }

            var ruled = ReleaseTierRule.Decide(c.Delivered!.Record, CaseRules.DeidentificationPassed(c.Evidence));
            var chosen = tier ?? ruled.Tier;
            if (chosen != ruled.Tier && !ReleaseTierRule.MayChoose(ruled.Tier, chosen))
            {
                return Refused(CaseOutcome.Invalid,
                    $"The rule gives {Names.Of(ruled.Tier)} ({ruled.Reason}); a tier may be lowered, never raised above the rule.");
            }

            if (chosen != ruled.Tier && string.IsNullOrWhiteSpace(reason))
            {
                return Refused(CaseOutcome.Invalid, "Lowering the tier below the rule's needs a reason.");
            }

            var choice = new TierChoice(ruled, chosen, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), clock.GetUtcNow(), actor);
            var action = chosen == ruled.Tier
                ? $"tier {Names.Of(chosen)} (rule v{ruled.RuleVersion} clause {ruled.Clause})"
                : $"tier lowered to {Names.Of(chosen)} from the rule's {Names.Of(ruled.Tier)}: {choice.Reason}";
            return Changed(c with { Tier = choice, Status = CaseStatus.TierDecided }, actor, action);
        });

    Task<ReleaseGate> IProcessingCaseGrain.ReleaseGate()
    {
        var gate = Case switch
        {
            null => new ReleaseGate(false, null, "No processing case exists for this dataset in this round."),
            { Status: not (CaseStatus.TierDecided or CaseStatus.Released) } c =>
                new ReleaseGate(false, null, $"A release is made after the tier decision; the case is {Names.Of(c.Status)}."),
            { Tier.Tier: ReleaseTier.NotProvidable } => new ReleaseGate(false, ReleaseTier.NotProvidable, "The dataset's tier is not-providable: it is not released."),
            { } c => new ReleaseGate(true, c.Tier!.Tier, null) { License = c.Delivered?.Record.License },
        };
        return Task.FromResult(gate);
    }

    async Task<CaseResult> IProcessingCaseGrain.Released(string version, string actor)
    {
        var result = await Change(c =>
        {
            if (c.Status is not (CaseStatus.TierDecided or CaseStatus.Released))
            {
                return Refused(CaseOutcome.WrongState, "The case has no tier decision.");
            }

            return c.Releases.Contains(version, StringComparer.Ordinal)
                ? Refused(CaseOutcome.Ok, null)
                : Changed(c with { Status = CaseStatus.Released, Releases = [.. c.Releases, version] }, actor, $"release {version} published");
        });

        // After the case is durable, also when it already knew the version: a failure here reaches the release grain,
        // which keeps its notice and tells this case again, and the case tells the catalogue again (idempotent there).
        if (result is { Outcome: CaseOutcome.Ok, Case: { Delivered: { } delivered, Tier: { } tier } c } && c.Releases.Contains(version, StringComparer.Ordinal))
        {
            await GrainFactory.GetGrain<ICatalogueGrain>(CatalogueKeys.Instance).Released(
                new CatalogueRelease(c.RoundId, c.InstitutionId, c.DatasetId, version, delivered.Record, tier.Tier, c.Sector));
        }

        return result;
    }

    private async Task<CaseResult> Change(Func<ProcessingCase, (ProcessingCase? Next, CaseOutcome Outcome, string? Detail)> decide)
    {
        if (Case is not { } current)
        {
            return new CaseResult(CaseOutcome.NotFound, null, "No processing case exists for this dataset in this round.");
        }

        var (next, outcome, detail) = decide(current);
        if (next is null)
        {
            return new CaseResult(outcome, current, detail);
        }

        state.State.Case = next;
        await SaveAsync();
        return new CaseResult(CaseOutcome.Ok, next, null);
    }

    private (ProcessingCase? Next, CaseOutcome Outcome, string? Detail) Changed(ProcessingCase next, string actor, string action) =>
        (next with
        {
            Revision = next.Revision + 1,
            History = [.. next.History, new CaseHistoryEntry(clock.GetUtcNow(), actor, action)],
        }, CaseOutcome.Ok, null);

    private static (ProcessingCase? Next, CaseOutcome Outcome, string? Detail) Refused(CaseOutcome outcome, string? detail) =>
        (null, outcome, detail);

    private async Task SaveAsync()
    {
        state.State.Posted = false;
        await state.WriteOrRollBackAsync(this);
        await PostAsync();
    }

    private async Task PostAsync()
    {
        var c = Case!;
        var awaiting = c.Status == CaseStatus.InReview
            ? c.Reviews[^1].Reviewers.Where(r => c.Reviews[^1].Votes.All(v => v.Reviewer != r)).ToList()
            : [];
        await GrainFactory.GetGrain<IRoundCasesGrain>(c.RoundId).Update(new CaseSummary(
            c.RoundId, c.InstitutionId, c.DatasetId, c.Rank, c.Title, c.Sector, c.Modality, c.Status, c.PersonalDataPresent,
            c.Tasks.Count(t => t.State == TaskState.Done), c.Tasks.Count, c.Reviewers, awaiting, c.Tier?.Tier, c.Gap,
            c.Releases.Count > 0 ? c.Releases[^1] : null, c.Revision, c.History[^1].At));
        state.State.Posted = true;
        await state.WriteOrRollBackAsync(this);
    }
}
