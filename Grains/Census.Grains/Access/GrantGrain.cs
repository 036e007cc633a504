using Census.Contracts.Access;
using Census.Contracts.Ledger;
using Census.Domain.Access;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Access;

/// <summary>
/// One grant (key: the grant id). It expires by a reminder due at its end: in cluster mode reminders are stored in
/// PostgreSQL, so one that fell due while every silo was down fires after the start; in local mode (reminders in
/// memory) the silo wakes every live grant at start-up (<see cref="IAccessBoardGrain.LiveGrants"/>), and an activated
/// grant whose period has passed expires at once. Each end is stored before it is told: the ledger, the board and
/// the flat fee are owed in the grain's state until they are taken, so each lands once.
/// </summary>
[GrainType("grant")]
public sealed class GrantGrain(
    [PersistentState("grant", StorageNames.Census)] IPersistentState<GrantState> state,
    TimeProvider clock,
    ILogger<GrantGrain> logger) : Grain, IGrantGrain, IRemindable
{
    /// <summary>The actor of an expiry: nobody acted, the period ended.</summary>
    public const string ExpiryActor = "system:expiry";

    private const string ExpiryReminder = "expiry";

    /// <summary>How often the reminder comes back if a tick could not record the expiry (Orleans' minimum period).</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    private IGrainTimer? _retry;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Grant is { Status: GrantStatus.Live } live)
        {
            if (clock.GetUtcNow() >= live.Until)
            {
                await ExpireAsync();
                return;
            }

            await ArmExpiryAsync(live);
        }

        await TellAsync();
    }

    async Task<Grant> IGrantGrain.Issue(Grant grant)
    {
        if (state.State.Grant is { } issued)
        {
            await TellAsync();
            return issued;
        }

        if (grant.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Grant '{grant.Id}' issued on grain '{this.GetPrimaryKeyString()}'.", nameof(grant));
        }

        var stored = grant with { Status = GrantStatus.Live, EndedAt = null, EndedBy = null, EndReason = null };
        state.State.Grant = stored;
        state.State.Owed.Add(Owed(LedgerOutbox.Event(
            $"{LedgerEventKinds.GrantIssued}:{stored.Id}", LedgerEventKinds.GrantIssued, stored.IssuedAt, stored.IssuedBy,
            ("grant", stored.Id), ("requester", stored.RequesterId), ("organisation", stored.OrganisationId),
            ("organisationKind", stored.OrganisationKind is { } kind ? Census.Domain.Validation.Names.Of(kind) : null),
            ("kind", Census.Domain.Validation.Names.Of(stored.Kind)), ("version", stored.Version), ("request", stored.RequestId),
            ("from", stored.From.ToString("O")), ("until", stored.Until.ToString("O")))));
        state.State.BoardOwed = true;
        state.State.ChargeOwed = true;
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Grant {GrantId} issued to {Requester} for {Dataset} until {Until}", stored.Id, stored.RequesterId, DatasetKey(stored), stored.Until);
        if (clock.GetUtcNow() >= stored.Until)
        {
            await ExpireAsync();
        }
        else
        {
            await ArmExpiryAsync(stored);
            await TellAsync();
        }

        return state.State.Grant!;
    }

    Task<Grant?> IGrantGrain.Get() => Task.FromResult(state.State.Grant);

    async Task<Grant?> IGrantGrain.Revoke(string reason, string actor)
    {
        if (state.State.Grant is not { Status: GrantStatus.Live } live || GrantRules.StatusAt(live, clock.GetUtcNow()) != GrantStatus.Live)
        {
            if (state.State.Grant is { Status: GrantStatus.Live })
            {
                await ExpireAsync();
            }

            return state.State.Grant;
        }

        var now = clock.GetUtcNow();
        state.State.Grant = live with { Status = GrantStatus.Revoked, EndedAt = now, EndedBy = actor, EndReason = reason };
        state.State.Owed.Add(Owed(LedgerOutbox.Event(
            $"{LedgerEventKinds.GrantRevoked}:{live.Id}", LedgerEventKinds.GrantRevoked, now, actor, ("grant", live.Id), ("reason", reason))));
        state.State.BoardOwed = true;
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Grant {GrantId} revoked by {Actor}", live.Id, actor);
        await DisarmExpiryAsync();
        await TellAsync();
        return state.State.Grant;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder)
        {
            return;
        }

        if (state.State.Grant is { Status: GrantStatus.Live } live && clock.GetUtcNow() < live.Until)
        {
            await TellAsync();
            return;
        }

        await ExpireAsync();
    }

    /// <summary>Records the end of the period once (if the grant is still live), stops the reminder and tells the rest.</summary>
    private async Task ExpireAsync()
    {
        if (state.State.Grant is { Status: GrantStatus.Live } live)
        {
            state.State.Grant = live with { Status = GrantStatus.Expired, EndedAt = live.Until, EndedBy = ExpiryActor, EndReason = "The grant's period ended." };
            state.State.Owed.Add(Owed(LedgerOutbox.Event(
                $"{LedgerEventKinds.GrantExpired}:{live.Id}", LedgerEventKinds.GrantExpired, live.Until, ExpiryActor,
                ("grant", live.Id), ("until", live.Until.ToString("O")))));
            state.State.BoardOwed = true;
            await state.WriteOrRollBackAsync(this);
            logger.LogInformation("Grant {GrantId} expired (its period ended at {Until})", live.Id, live.Until);
        }

        await DisarmExpiryAsync();
        await TellAsync();
    }

    private async Task ArmExpiryAsync(Grant live)
    {
        var due = live.Until - clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(ExpiryReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, ReminderPeriod);
    }

    private async Task DisarmExpiryAsync()
    {
        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Gives the ledger, the board and the dataset's terms what they are owed; what fails is retried by a timer.</summary>
    private async Task TellAsync()
    {
        if (state.State.Grant is not { } grant)
        {
            return;
        }

        var changed = await LedgerOutbox.FlushAsync(GrainFactory, state.State.Owed, logger);
        changed |= await TryAsync(state.State.BoardOwed, () => GrainFactory.GetGrain<IAccessBoardGrain>(IAccessBoardGrain.Key).NoteGrant(grant),
            () => state.State.BoardOwed = false);
        changed |= await TryAsync(state.State.ChargeOwed, () => GrainFactory.GetGrain<IDatasetTermsGrain>(DatasetKey(grant)).ChargeGrant(grant),
            () => state.State.ChargeOwed = false);
        if (changed)
        {
            await state.WriteOrRollBackAsync(this);
        }

        if (state.State.Owed.Count > 0 || state.State.BoardOwed || state.State.ChargeOwed)
        {
            _retry ??= this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(RetryDelay, RetryDelay) { KeepAlive = true });
        }
        else
        {
            _retry?.Dispose();
            _retry = null;
        }
    }

    private Task RetryAsync(CancellationToken cancellationToken) => TellAsync();

    private async Task<bool> TryAsync(bool owed, Func<Task> call, Action done)
    {
        if (!owed)
        {
            return false;
        }

        try
        {
            await call();
            done();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not tell of grant {GrantId}; will retry", this.GetPrimaryKeyString());
            return false;
        }
    }

    private OwedEvent Owed(LedgerEvent ledgerEvent) => new(DatasetKey(state.State.Grant!), ledgerEvent);

    private static string DatasetKey(Grant grant) => $"{grant.InstitutionId}/{grant.DatasetId}";
}
