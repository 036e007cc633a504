using System.Globalization;
using Census.Contracts.Access;
using Census.Contracts.Ledger;
using Census.Contracts.SafeZones;
using Census.Domain.SafeZones;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.SafeZones;

/// <summary>
/// One safe-zone site and its bookings (key: the site id). Every booking of the site passes through this one
/// activation, one call at a time, so seats are counted against the stored bookings and a day is never overbooked,
/// however many gateways ask at once. A change is stored before it is answered; the ledger events it owes are stored
/// with it and appended after (an outbox), so a ledger that cannot be reached delays them and loses none.
/// </summary>
[GrainType("safe-zone-site")]
public sealed class SafeZoneSiteGrain(
    [PersistentState("safe-zone-site", StorageNames.Census)] IPersistentState<SafeZoneSiteState> state,
    TimeProvider clock,
    ILogger<SafeZoneSiteGrain> logger) : Grain, ISafeZoneSiteGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) => AppendOwedAsync();

    async Task<SafeZoneSiteResult> ISafeZoneSiteGrain.Create(SafeZoneSite site, string actor)
    {
        if (state.State.Site is { } existing)
        {
            return new SafeZoneSiteResult(SafeZoneOutcome.Conflict, existing, $"A safe zone with id '{existing.Id}' already exists.");
        }

        if (site.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Site '{site.Id}' created on grain '{this.GetPrimaryKeyString()}'.", nameof(site));
        }

        // Listed first: a listed id whose site was never stored is skipped by the listing, a stored site never missing.
        await GrainFactory.GetGrain<ISafeZoneRegistryGrain>(ISafeZoneRegistryGrain.Key).Add(site.Id);
        // Stored lists are always List<T>: the storage's JSON names each value's runtime type, and the compiler's own
        // read-only list types behind collection expressions cannot be read back on the next activation.
        state.State.Site = site with
        {
            OpenWeekdays = site.OpenWeekdays.ToList(), Operators = site.Operators.ToList(), Closures = new List<SafeZoneClosure>(),
            CreatedAt = clock.GetUtcNow(), CreatedBy = actor,
        };
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Safe zone {Site} with {Seats} seats created by {Actor}", site.Id, site.Seats, actor);
        return new SafeZoneSiteResult(SafeZoneOutcome.Created, state.State.Site, null);
    }

    Task<SafeZoneSite?> ISafeZoneSiteGrain.Get() => Task.FromResult(state.State.Site);

    async Task<SafeZoneSiteResult> ISafeZoneSiteGrain.Close(DateOnly day, string reason, string actor)
    {
        if (state.State.Site is not { } site)
        {
            return NoSite();
        }

        if (site.Closures.Any(c => c.Day == day))
        {
            return new SafeZoneSiteResult(SafeZoneOutcome.Conflict, site, $"Site '{site.Id}' is already closed on {SafeZoneRules.Format(day)}.");
        }

        if (day < Today())
        {
            return new SafeZoneSiteResult(SafeZoneOutcome.Unprocessable, site, $"{SafeZoneRules.Format(day)} is in the past.");
        }

        // The careful choice: a closure never cancels anyone's booking by itself. The operator cancels each with a
        // reason the requester sees, then closes the day.
        var holding = SeatRules.Holding(state.State.Bookings, day);
        if (holding.Count > 0)
        {
            return new SafeZoneSiteResult(SafeZoneOutcome.Conflict, site,
                $"Site '{site.Id}' has bookings on {SafeZoneRules.Format(day)}: {string.Join(", ", holding.Select(b => b.Id))}. Cancel them first.");
        }

        state.State.Site = site with { Closures = site.Closures.Append(new SafeZoneClosure(day, reason, clock.GetUtcNow(), actor)).ToList() };
        await state.WriteOrRollBackAsync(this);
        return new SafeZoneSiteResult(SafeZoneOutcome.Ok, state.State.Site, null);
    }

    async Task<SafeZoneSiteResult> ISafeZoneSiteGrain.Reopen(DateOnly day, string actor)
    {
        if (state.State.Site is not { } site)
        {
            return NoSite();
        }

        if (!site.Closures.Any(c => c.Day == day))
        {
            return new SafeZoneSiteResult(SafeZoneOutcome.NotFound, site, $"Site '{site.Id}' is not closed on {SafeZoneRules.Format(day)}.");
        }

        state.State.Site = site with { Closures = site.Closures.Where(c => c.Day != day).ToList() };
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Safe zone {Site} reopened on {Day} by {Actor}", site.Id, day, actor);
        return new SafeZoneSiteResult(SafeZoneOutcome.Ok, state.State.Site, null);
    }

    async Task<SafeZoneBookingResult> ISafeZoneSiteGrain.Book(BookingRequest request)
    {
        if (state.State.Site is not { } site)
        {
            return new SafeZoneBookingResult(SafeZoneOutcome.NotFound, null, $"No safe zone '{this.GetPrimaryKeyString()}'.");
        }

        if (Find(request.BookingId) is { } made)
        {
            return SameRequest(made, request)
                ? new SafeZoneBookingResult(SafeZoneOutcome.Replayed, made, null)
                : new SafeZoneBookingResult(SafeZoneOutcome.Unprocessable, null,
                    "This Idempotency-Key was used for a different booking. Use a new key for a new booking.");
        }

        if (await GrainFactory.GetGrain<IGrantGrain>(request.GrantId).Get() is not { } grant)
        {
            return new SafeZoneBookingResult(SafeZoneOutcome.Forbidden, null, $"No grant '{request.GrantId}'.");
        }

        var now = clock.GetUtcNow();
        if (SeatRules.GrantRefusal(grant, request.RequesterId, request.Days, now) is { } outside)
        {
            await RefuseAsync(grant, request, outside.Reason, now);
            return new SafeZoneBookingResult(outside.Outcome, null, outside.Reason);
        }

        if (SeatRules.SeatRefusal(site, state.State.Bookings, request.Days, request.Seats, KoreaTime.DateOf(now)) is { } refused)
        {
            return new SafeZoneBookingResult(refused.Outcome, null, refused.Reason);
        }

        var booking = new SafeZoneBooking(
            request.BookingId, site.Id, grant.Id, request.RequesterId, request.OrganisationId, grant.InstitutionId, grant.DatasetId,
            request.Days.Order().ToList(), request.Seats, SafeZoneBookingState.Booked, now, null, null, null, new List<SafeZoneVisit>());
        state.State.Bookings.Add(booking);
        Owe(booking, LedgerEventKinds.BookingMade, booking.Id, now, request.Actor, new()
        {
            ["booking"] = booking.Id,
            ["grant"] = grant.Id,
            ["site"] = site.Id,
            ["requester"] = booking.RequesterId,
            ["seats"] = booking.Seats.ToString(CultureInfo.InvariantCulture),
            ["days"] = string.Join(",", booking.Days.Select(SafeZoneRules.Format)),
        });
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Booking {Booking} of {Seats} seat(s) on {Days} day(s) at {Site} for {Requester}",
            booking.Id, booking.Seats, booking.Days.Count, site.Id, booking.RequesterId);
        await AppendOwedAsync();
        return new SafeZoneBookingResult(SafeZoneOutcome.Created, booking, null);
    }

    async Task<SafeZoneBookingResult> ISafeZoneSiteGrain.Cancel(string bookingId, string reason, string actor)
    {
        if (Find(bookingId) is not { } booking)
        {
            return NoBooking(bookingId);
        }

        if (booking.State == SafeZoneBookingState.Cancelled)
        {
            return new SafeZoneBookingResult(SafeZoneOutcome.Conflict, booking, $"Booking '{bookingId}' is already cancelled.");
        }

        var now = clock.GetUtcNow();
        var cancelled = booking with { State = SafeZoneBookingState.Cancelled, CancelledAt = now, CancelledBy = actor, CancelReason = reason };
        Owe(cancelled, LedgerEventKinds.BookingCancelled, booking.Id, now, actor, new()
        {
            ["booking"] = booking.Id, ["site"] = booking.SiteId, ["reason"] = reason,
        });
        return await StoreAsync(booking, cancelled);
    }

    Task<SafeZoneBookingResult> ISafeZoneSiteGrain.CheckIn(string bookingId, string actor) =>
        VisitAsync(bookingId, actor, LedgerEventKinds.CheckedIn, (booking, today, now) =>
            booking.Visits.Any(v => v.Day == today)
                ? $"Booking '{bookingId}' was already checked in on {SafeZoneRules.Format(today)}."
                : booking with { Visits = booking.Visits.Append(new SafeZoneVisit(today, now, actor, null, null)).ToList() });

    Task<SafeZoneBookingResult> ISafeZoneSiteGrain.CheckOut(string bookingId, string actor) =>
        VisitAsync(bookingId, actor, LedgerEventKinds.CheckedOut, (booking, today, now) =>
            booking.Visits.FirstOrDefault(v => v.Day == today) switch
            {
                null => $"Booking '{bookingId}' was not checked in on {SafeZoneRules.Format(today)}.",
                { CheckedOutAt: not null } => $"Booking '{bookingId}' was already checked out on {SafeZoneRules.Format(today)}.",
                var visit => booking with
                {
                    Visits = booking.Visits.Select(v => v == visit ? v with { CheckedOutAt = now, CheckedOutBy = actor } : v).ToList(),
                },
            });

    Task<SafeZoneBooking?> ISafeZoneSiteGrain.Booking(string bookingId) => Task.FromResult(Find(bookingId));

    Task<List<SafeZoneBooking>> ISafeZoneSiteGrain.BookingsOn(DateOnly day) =>
        Task.FromResult(state.State.Bookings.Where(b => b.Days.Contains(day)).ToList());

    Task<List<SafeZoneBooking>> ISafeZoneSiteGrain.BookingsOf(string requesterId) =>
        Task.FromResult(state.State.Bookings.Where(b => b.RequesterId == requesterId).ToList());

    /// <summary>
    /// A check-in or check-out: on a day of a live booking, today in Korea; <paramref name="change"/> answers the
    /// changed booking, or why the visit is out of order (409).
    /// </summary>
    private async Task<SafeZoneBookingResult> VisitAsync(
        string bookingId, string actor, string kind, Func<SafeZoneBooking, DateOnly, DateTimeOffset, VisitChange> change)
    {
        if (Find(bookingId) is not { } booking)
        {
            return NoBooking(bookingId);
        }

        var now = clock.GetUtcNow();
        var today = KoreaTime.DateOf(now);
        if (booking.State == SafeZoneBookingState.Cancelled)
        {
            return new SafeZoneBookingResult(SafeZoneOutcome.Conflict, booking, $"Booking '{bookingId}' is cancelled.");
        }

        if (!booking.Days.Contains(today))
        {
            return new SafeZoneBookingResult(SafeZoneOutcome.Conflict, booking,
                $"Booking '{bookingId}' is not for today ({SafeZoneRules.Format(today)}).");
        }

        var outcome = change(booking, today, now);
        if (outcome.Refusal is { } refusal)
        {
            return new SafeZoneBookingResult(SafeZoneOutcome.Conflict, booking, refusal);
        }

        var day = SafeZoneRules.Format(today);
        Owe(booking, kind, $"{booking.Id}:{day}", now, actor, new() { ["booking"] = booking.Id, ["site"] = booking.SiteId, ["day"] = day });
        return await StoreAsync(booking, outcome.Changed!);
    }

    private async Task<SafeZoneBookingResult> StoreAsync(SafeZoneBooking current, SafeZoneBooking changed)
    {
        state.State.Bookings[state.State.Bookings.IndexOf(current)] = changed;
        await state.WriteOrRollBackAsync(this);
        await AppendOwedAsync();
        return new SafeZoneBookingResult(SafeZoneOutcome.Ok, changed, null);
    }

    /// <summary>A refusal outside the grant changes no booking; it is recorded on the grant's dataset ledger, through the outbox.</summary>
    private async Task RefuseAsync(Grant grant, BookingRequest request, string reason, DateTimeOffset now)
    {
        state.State.Owed.Add(new OwedLedgerEvent($"{grant.InstitutionId}/{grant.DatasetId}", new LedgerEvent(
            $"{LedgerEventKinds.AttemptRefused}:booking:{request.BookingId}", LedgerEventKinds.AttemptRefused, now, request.Actor, new()
            {
                ["requester"] = request.RequesterId, ["organisation"] = request.OrganisationId, ["what"] = "booking", ["reason"] = reason,
            })));
        await state.WriteOrRollBackAsync(this);
        await AppendOwedAsync();
    }

    private void Owe(SafeZoneBooking booking, string kind, string subject, DateTimeOffset at, string actor, Dictionary<string, string> facts) =>
        state.State.Owed.Add(new OwedLedgerEvent($"{booking.InstitutionId}/{booking.DatasetId}", new LedgerEvent($"{kind}:{subject}", kind, at, actor, facts)));

    /// <summary>
    /// Appends the owed events in order and drops each once appended; stops at the first failure (the ledger is
    /// likely down for the rest too) and retries on the next change or activation. Ids are deterministic, so an event
    /// appended but not yet dropped lands once.
    /// </summary>
    private async Task AppendOwedAsync()
    {
        var appended = 0;
        foreach (var owed in state.State.Owed)
        {
            try
            {
                await GrainFactory.GetGrain<ILedgerGrain>(owed.DatasetKey).Append(owed.Event);
                appended++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not append {Event} to the ledger of {Dataset}; will retry", owed.Event.Id, owed.DatasetKey);
                break;
            }
        }

        if (appended > 0)
        {
            state.State.Owed.RemoveRange(0, appended);
            await state.WriteOrRollBackAsync(this);
        }
    }

    private SafeZoneBooking? Find(string bookingId) => state.State.Bookings.FirstOrDefault(b => b.Id == bookingId);

    private DateOnly Today() => KoreaTime.DateOf(clock.GetUtcNow());

    private static bool SameRequest(SafeZoneBooking made, BookingRequest request) =>
        made.RequesterId == request.RequesterId && made.GrantId == request.GrantId && made.Seats == request.Seats &&
        made.Days.SequenceEqual(request.Days.Order());

    private SafeZoneSiteResult NoSite() => new(SafeZoneOutcome.NotFound, null, $"No safe zone '{this.GetPrimaryKeyString()}'.");

    private static SafeZoneBookingResult NoBooking(string bookingId) => new(SafeZoneOutcome.NotFound, null, $"No booking '{bookingId}'.");

    /// <summary>A visit's change: the changed booking, or why not.</summary>
    private readonly record struct VisitChange(SafeZoneBooking? Changed, string? Refusal)
    {
        public static implicit operator VisitChange(SafeZoneBooking changed) => new(changed, null);

        public static implicit operator VisitChange(string refusal) => new(null, refusal);
    }
}
