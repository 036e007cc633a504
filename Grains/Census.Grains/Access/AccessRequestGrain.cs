using System.Globalization;
using Census.Contracts.Access;
using Census.Contracts.Catalogue;
using Census.Contracts.Ledger;
using Census.Domain.Access;
using Census.Domain.Validation;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Access;

/// <summary>
/// One access request. Each change is stored with what it owes (ledger events, the board's copy, the grant of an
/// approval) and then given; what cannot be given now is retried by a timer and on the next activation, and every
/// id involved is derived from the request's, so a retry lands once.
/// </summary>
[GrainType("access-request")]
public sealed class AccessRequestGrain(
    [PersistentState("request", StorageNames.Census)] IPersistentState<AccessRequestState> state,
    TimeProvider clock,
    ILogger<AccessRequestGrain> logger) : Grain, IAccessRequestGrain
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    private IGrainTimer? _retry;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => TellAsync();

    /// <summary>The grant an approved request gives: its id follows from the request's.</summary>
    public static string GrantIdFor(string requestId) => $"gr-{requestId}";

    async Task<AccessResult> IAccessRequestGrain.Submit(AccessRequest request)
    {
        if (state.State.Request is { } existing)
        {
            return existing.RequesterId == request.RequesterId
                ? new AccessResult(existing, null, null)
                : new AccessResult(null, AccessRefusalKind.Conflict, $"Request '{existing.Id}' exists already.");
        }

        state.State.Request = request;
        state.State.Owed.Add(Submitted(request, request.SubmittedAt, request.History[^1].Actor, resubmitted: false));
        state.State.BoardOwed = true;
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Access request {RequestId} for {Dataset} submitted by {Requester}", request.Id, DatasetKey(request), request.RequesterId);
        await TellAsync();
        return new AccessResult(request, null, null);
    }

    Task<AccessRequest?> IAccessRequestGrain.Get() => Task.FromResult(state.State.Request);

    Task<AccessResult> IAccessRequestGrain.Decide(AccessDecisionKind decision, string reason, AccessActor by) =>
        ChangeAsync(request => AccessRequestRules.Decide(request, decision, reason, by, clock.GetUtcNow()), changed =>
        {
            var now = clock.GetUtcNow();
            state.State.Owed.Add(Decided(changed, now, by.Actor, Names.Of(decision), by.Capacity is { } c ? Names.Of(c) : null, reason));
            if (changed.Status == AccessRequestStatus.Approved)
            {
                var grant = new Grant(
                    GrantIdFor(changed.Id), changed.InstitutionId, changed.DatasetId, changed.Version,
                    AccessRequestRules.GrantKindFor(changed.Tier), changed.RequesterId, changed.OrganisationId, changed.Id,
                    changed.AgreementVersion.ToString(CultureInfo.InvariantCulture), now, now.AddDays(changed.PeriodDays),
                    GrantStatus.Live, now, by.Actor, null, null, null)
                {
                    OrganisationKind = changed.OrganisationKind,
                };
                state.State.GrantOwed = grant;
                state.State.ApprovedUseOwed = true;
                return changed with { GrantId = grant.Id };
            }

            return changed;
        });

    Task<AccessResult> IAccessRequestGrain.Resubmit(AccessRequestChanges changes, AccessActor by) =>
        ChangeAsync(request => AccessRequestRules.Resubmit(request, changes, by, clock.GetUtcNow()), changed =>
        {
            state.State.Owed.Add(Submitted(changed, clock.GetUtcNow(), by.Actor, resubmitted: true));
            return changed;
        });

    Task<AccessResult> IAccessRequestGrain.Withdraw(string? reason, AccessActor by) =>
        ChangeAsync(request => AccessRequestRules.Withdraw(request, reason, by, clock.GetUtcNow()), changed =>
        {
            state.State.Owed.Add(Decided(changed, clock.GetUtcNow(), by.Actor, "withdrawn", "requester", reason));
            return changed;
        });

    Task<AccessResult> IAccessRequestGrain.Extend(int days, string reason, AccessActor by) =>
        ChangeAsync(request => AccessRequestRules.Extend(request, days, reason, by, clock.GetUtcNow()), changed => changed);

    /// <summary>Applies a rule's answer: a refusal changes nothing; a change is stored with what it owes, then told.</summary>
    private async Task<AccessResult> ChangeAsync(Func<AccessRequest, AccessResult> rule, Func<AccessRequest, AccessRequest> owe)
    {
        await TellAsync();
        if (state.State.Request is not { } request)
        {
            return new AccessResult(null, AccessRefusalKind.NotFound, $"No access request '{this.GetPrimaryKeyString()}'.");
        }

        var result = rule(request);
        if (result.Request is not { } changed)
        {
            return result;
        }

        // A failed write reloads the stored state (WriteOrRollBack), so what owe() added is dropped with the change.
        state.State.Request = owe(changed);
        state.State.BoardOwed = true;
        await state.WriteOrRollBackAsync(this);
        await TellAsync();
        return new AccessResult(state.State.Request, null, null);
    }

    private async Task TellAsync()
    {
        if (state.State.Request is not { } request)
        {
            return;
        }

        var changed = false;
        if (state.State.GrantOwed is { } grant)
        {
            try
            {
                await GrainFactory.GetGrain<IGrantGrain>(grant.Id).Issue(grant);
                state.State.GrantOwed = null;
                changed = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not issue grant {GrantId} of request {RequestId}; will retry", grant.Id, request.Id);
            }
        }

        if (state.State.ApprovedUseOwed && request.GrantId is { } grantId)
        {
            try
            {
                var from = request.History[^1].At;
                await GrainFactory.GetGrain<ICatalogueGrain>(CatalogueKeys.Instance).AddApprovedUse(
                    CatalogueKeys.Dataset(request.InstitutionId, request.DatasetId),
                    new ApprovedUse(request.Id, request.OrganisationId, Names.Of(request.Purpose), request.ProjectSummary, from, from.AddDays(request.PeriodDays)));
                state.State.ApprovedUseOwed = false;
                changed = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not add request {RequestId} ({GrantId}) to the approved-uses register; will retry", request.Id, grantId);
            }
        }

        changed |= await LedgerOutbox.FlushAsync(GrainFactory, state.State.Owed, logger);
        if (state.State.BoardOwed)
        {
            try
            {
                await GrainFactory.GetGrain<IAccessBoardGrain>(IAccessBoardGrain.Key).NoteRequest(Summary(request));
                state.State.BoardOwed = false;
                changed = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not tell the board of request {RequestId}; will retry", request.Id);
            }
        }

        if (changed)
        {
            await state.WriteOrRollBackAsync(this);
        }

        if (state.State.Owed.Count > 0 || state.State.BoardOwed || state.State.GrantOwed is not null || state.State.ApprovedUseOwed)
        {
            _retry ??= this.RegisterGrainTimer(_ => TellAsync(), new GrainTimerCreationOptions(RetryDelay, RetryDelay) { KeepAlive = true });
        }
        else
        {
            _retry?.Dispose();
            _retry = null;
        }
    }

    private static AccessRequestSummary Summary(AccessRequest r) =>
        new(r.Id, r.InstitutionId, r.DatasetId, r.Version, r.Tier, r.RequesterId, r.OrganisationId, r.Purpose, r.Status,
            r.SubmittedAt, r.DueAt, r.AgencyApproval is not null, r.ReviewerApproval is not null, r.GrantId);

    private static OwedEvent Submitted(AccessRequest r, DateTimeOffset at, string actor, bool resubmitted) =>
        new(DatasetKey(r), LedgerOutbox.Event(
            $"{LedgerEventKinds.RequestSubmitted}:{r.Id}:{r.Revision}", LedgerEventKinds.RequestSubmitted, at, actor,
            ("request", r.Id), ("requester", r.RequesterId), ("organisation", r.OrganisationId),
            ("organisationKind", Names.Of(r.OrganisationKind)), ("purpose", Names.Of(r.Purpose)), ("version", r.Version),
            ("tier", Names.Of(r.Tier)), ("resubmitted", resubmitted ? "true" : null)));

    private static OwedEvent Decided(AccessRequest r, DateTimeOffset at, string actor, string decision, string? by, string? reason) =>
        new(DatasetKey(r), LedgerOutbox.Event(
            $"{LedgerEventKinds.RequestDecided}:{r.Id}:{r.Revision}", LedgerEventKinds.RequestDecided, at, actor,
            ("request", r.Id), ("decision", decision), ("by", by), ("reason", reason), ("status", Names.Of(r.Status))));

    private static string DatasetKey(AccessRequest r) => $"{r.InstitutionId}/{r.DatasetId}";
}
