using Census.Contracts.Idempotency;
using Census.Grains.Storage;

namespace Census.Grains.Idempotency;

/// <summary>
/// One caller's Idempotency-Key (see <see cref="IIdempotencyGrain"/>). A claim is stored before the request runs,
/// so a duplicate through another gateway sees it in flight even if this activation moves. Expiry: lazily — a
/// record past <see cref="IIdempotencyGrain.Retention"/> counts as free — and by a reminder registered with the
/// first claim, which clears the record once it has expired and then unregisters itself.
/// </summary>
[GrainType("idempotency")]
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", StorageNames.Census)] IPersistentState<IdempotencyState> state,
    TimeProvider clock) : Grain, IIdempotencyGrain, IRemindable
{
    private const string ExpiryReminder = "expire";

    /// <summary>How often the reminder looks again when the record has not expired at its first tick.</summary>
    private static readonly TimeSpan ExpiryCheckPeriod = TimeSpan.FromHours(1);

    async Task<IdempotencyClaim> IIdempotencyGrain.Claim(string requestHash, TimeSpan lease)
    {
        var now = clock.GetUtcNow();
        var record = state.State;
        if (record.RequestHash is not null && !IsFree(record, now))
        {
            if (record.RequestHash != requestHash)
            {
                return new IdempotencyClaim(IdempotencyOutcome.OtherRequest, Guid.Empty, null, TimeSpan.Zero);
            }

            return record.CompletedAt is not null
                ? new IdempotencyClaim(IdempotencyOutcome.Replay, Guid.Empty, record.SealedReply, TimeSpan.Zero)
                : new IdempotencyClaim(IdempotencyOutcome.InFlight, Guid.Empty, null, record.ClaimedUntil - now);
        }

        var firstClaim = !state.RecordExists;
        record.RequestHash = requestHash;
        record.ClaimId = Guid.NewGuid();
        record.ClaimedUntil = now + lease;
        record.SealedReply = null;
        record.CompletedAt = null;
        await state.WriteOrRollBackAsync(this);
        if (firstClaim)
        {
            await this.RegisterOrUpdateReminder(ExpiryReminder, IIdempotencyGrain.Retention + lease, ExpiryCheckPeriod);
        }

        return new IdempotencyClaim(IdempotencyOutcome.Proceed, record.ClaimId, null, TimeSpan.Zero);
    }

    async Task IIdempotencyGrain.Complete(Guid claimId, byte[] sealedReply)
    {
        if (state.State.ClaimId != claimId || state.State.CompletedAt is not null || state.State.RequestHash is null)
        {
            return;
        }

        state.State.SealedReply = sealedReply;
        state.State.CompletedAt = clock.GetUtcNow();
        await state.WriteOrRollBackAsync(this);
    }

    async Task IIdempotencyGrain.Release(Guid claimId)
    {
        if (state.State.ClaimId != claimId || state.State.CompletedAt is not null || state.State.RequestHash is null)
        {
            return;
        }

        // A refused or failed request changed nothing, so it leaves nothing behind either: no row, no reminder.
        await state.ClearStateAsync();
        await UnregisterExpiryAsync();
        DeactivateOnIdle();
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder || (state.State.RequestHash is not null && !IsFree(state.State, clock.GetUtcNow())))
        {
            return;
        }

        await state.ClearStateAsync();
        await UnregisterExpiryAsync();
        DeactivateOnIdle();
    }

    private async Task UnregisterExpiryAsync()
    {
        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Expired, or claimed by a request whose lease ran out before it completed.</summary>
    private static bool IsFree(IdempotencyState record, DateTimeOffset now) =>
        record.CompletedAt is { } completed
            ? completed + IIdempotencyGrain.Retention <= now
            : record.ClaimedUntil <= now;
}
