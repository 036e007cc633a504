using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.Contracts.SafeZones;
using Census.Domain.SafeZones;

namespace Census.ApiGateway.Apis;

/// <summary>
/// Safe zones (provision.md §2 "Safe zones"): sites with seats, opening weekdays and closures (admin, and the site's
/// operators for closures); bookings of seats × days inside the caller's live safe-zone grant, decided by the site's
/// grain so no day is ever overbooked; cancellation; check-in and check-out by the site's operators. Routes check who
/// may act; the site grain checks the grant, the days and the seats.
/// </summary>
public static class SafeZonesApi
{
    private const string Base = "/api/v1/safe-zones";

    public static IEndpointRouteBuilder MapSafeZonesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Base).WithTags("Safe zones");
        api.MapPost("/", Create).RequireAuthorization(CensusRoles.AdminPolicy)
            .Accepts<NewSafeZoneSite>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("CreateSafeZone")
            .WithSummary("Create a site with its seats (1–500), opening weekdays and operators (registered zone operators) (admin).");
        api.MapGet("/", List).RequireAuthorization()
            .WithName("ListSafeZones").WithSummary("The safe-zone sites, with their closures (any key).");
        api.MapGet("/bookings/mine", Mine).RequireAuthorization(CensusRoles.SafeZoneRequesterPolicy)
            .WithName("ListMySafeZoneBookings").WithSummary("The caller's bookings at every site, oldest first (requester).");
        api.MapGet("/{site}", Get).RequireAuthorization()
            .WithName("GetSafeZone").WithSummary("A site with its closures (any key).");
        api.MapPut("/{site}/closures/{day}", Close).RequireAuthorization(CensusRoles.SafeZoneStaffPolicy)
            .Accepts<SafeZoneReason>("application/json")
            .WithName("CloseSafeZoneDay")
            .WithSummary("Close the site on a day (yyyy-MM-dd) with a reason; 409 naming the bookings that hold seats that day, which must be cancelled first (admin or the site's operator).");
        api.MapDelete("/{site}/closures/{day}", Reopen).RequireAuthorization(CensusRoles.SafeZoneStaffPolicy)
            .WithName("ReopenSafeZoneDay").WithSummary("Open a closed day again (admin or the site's operator).");
        api.MapPost("/{site}/bookings", Book).RequireAuthorization(CensusRoles.SafeZoneRequesterPolicy)
            .Accepts<NewSafeZoneBooking>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("BookSafeZone")
            .WithSummary("Book seats on 1–25 days inside your live safe-zone grant, on every day or none: 403 outside the grant, 409 on a full or closed day, 422 on a past day or one the site does not open (requester).");
        api.MapGet("/{site}/bookings", OnDay).RequireAuthorization(CensusRoles.SafeZoneStaffPolicy)
            .WithName("ListSafeZoneBookings").WithSummary("The bookings of a day (?day=yyyy-MM-dd), cancelled ones too (admin or the site's operator).");
        api.MapGet("/{site}/bookings/{id}", GetBooking).RequireAuthorization(CensusRoles.SafeZonePolicy)
            .WithName("GetSafeZoneBooking").WithSummary("A booking (its requester, the site's operators, admin).");
        api.MapPost("/{site}/bookings/{id}/cancel", Cancel).RequireAuthorization(CensusRoles.SafeZonePolicy)
            .Accepts<SafeZoneReason>("application/json")
            .WithName("CancelSafeZoneBooking").WithSummary("Cancel a booking with a reason, freeing its seats (its requester, the site's operators, admin).");
        api.MapPost("/{site}/bookings/{id}/check-in", CheckIn).RequireAuthorization(CensusRoles.SafeZoneStaffPolicy)
            .WithName("CheckInSafeZoneBooking").WithSummary("Record today's check-in of a booking for today; twice → 409 (the site's operator).");
        api.MapPost("/{site}/bookings/{id}/check-out", CheckOut).RequireAuthorization(CensusRoles.SafeZoneStaffPolicy)
            .WithName("CheckOutSafeZoneBooking").WithSummary("Record today's check-out, after today's check-in; twice → 409 (the site's operator).");
        return routes;
    }

    public static async Task<Results<Created<SafeZoneSite>, ProblemHttpResult>> Create(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<NewSafeZoneSite>(context);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var validated = SafeZoneRules.Validate(body.Value);
        if (!validated.IsValid)
        {
            return Problems.Validation(validated.Errors!);
        }

        var site = validated.Value!;
        foreach (var operatorId in site.Operators)
        {
            if (await grains.GetGrain<IPrincipalGrain>(operatorId).Get() is not { Role: PrincipalRole.ZoneOperator })
            {
                return Problems.Status(StatusCodes.Status422UnprocessableEntity, "Not a zone operator",
                    $"'{operatorId}' is not a registered principal of role zone-operator.");
            }
        }

        var result = await Site(grains, site.Id).Create(site, context.User.Actor());
        return result.Outcome == SafeZoneOutcome.Created
            ? TypedResults.Created($"{Base}/{site.Id}", result.Site)
            : Problems.Conflict(result.Detail!);
    }

    public static async Task<Results<Ok<Page<SafeZoneSite>>, ProblemHttpResult>> List(IGrainFactory grains, string? page, string? pageSize)
    {
        var errors = new ValidationErrors();
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var sites = await Sites(grains);
        return TypedResults.Ok(new Page<SafeZoneSite>([.. Paging.Slice(sites, validPage, validSize)], validPage, validSize, sites.Count));
    }

    public static async Task<Results<Ok<SafeZoneSite>, ProblemHttpResult>> Get(string site, IGrainFactory grains)
    {
        if (Problems.InvalidId("site", site) is { } invalid)
        {
            return invalid;
        }

        return await Site(grains, site).Get() is { } found ? TypedResults.Ok(found) : NoSite(site);
    }

    public static async Task<Results<Ok<SafeZoneSite>, ProblemHttpResult>> Close(string site, string day, HttpContext context, IGrainFactory grains)
    {
        var (found, parsed, refused) = await StaffSiteAsync(site, day, context, grains, admins: true);
        if (refused is not null)
        {
            return refused;
        }

        var body = await JsonBody.ReadAsync<SafeZoneReason>(context);
        return body.Problem ?? await CloseCore(found!, parsed!.Value, body.Value, context, grains);
    }

    /// <summary>Close's typed core (the route and the console): the body's rules and the site's decision.</summary>
    public static async Task<Results<Ok<SafeZoneSite>, ProblemHttpResult>> CloseWith(
        string site, string day, SafeZoneReason? body, HttpContext context, IGrainFactory grains)
    {
        var (found, parsed, refused) = await StaffSiteAsync(site, day, context, grains, admins: true);
        return refused ?? await CloseCore(found!, parsed!.Value, body, context, grains);
    }

    private static async Task<Results<Ok<SafeZoneSite>, ProblemHttpResult>> CloseCore(
        SafeZoneSite found, DateOnly day, SafeZoneReason? body, HttpContext context, IGrainFactory grains)
    {
        var errors = SafeZoneRules.Validate(body);
        return errors.IsValid
            ? SiteAnswer(await Site(grains, found.Id).Close(day, body!.Reason!.Trim(), context.User.Actor()))
            : Problems.Validation(errors);
    }

    public static async Task<Results<Ok<SafeZoneSite>, ProblemHttpResult>> Reopen(string site, string day, HttpContext context, IGrainFactory grains)
    {
        var (found, parsed, refused) = await StaffSiteAsync(site, day, context, grains, admins: true);
        return refused ?? SiteAnswer(await Site(grains, found!.Id).Reopen(parsed!.Value, context.User.Actor()));
    }

    public static async Task<Results<Created<SafeZoneBooking>, ProblemHttpResult>> Book(string site, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("site", site) is { } invalid)
        {
            return invalid;
        }

        if (context.User.Principal() is not { } caller || !context.User.IsInRole(CensusRoles.Requester))
        {
            return Problems.Forbidden("Only requesters book safe zones.");
        }

        var body = await JsonBody.ReadAsync<NewSafeZoneBooking>(context);
        return body.Problem ?? await BookWith(site, body.Value, context.Request.Headers[Preconditions.IdempotencyKeyHeader].ToString(), context, grains);
    }

    /// <summary>
    /// Book's typed core (the route and the console): the caller's role, the body's rules and the site's decision.
    /// An empty <paramref name="idempotencyKey"/> books anew.
    /// </summary>
    public static async Task<Results<Created<SafeZoneBooking>, ProblemHttpResult>> BookWith(
        string site, NewSafeZoneBooking? body, string idempotencyKey, HttpContext context, IGrainFactory grains)
    {
        if (Problems.InvalidId("site", site) is { } invalid)
        {
            return invalid;
        }

        if (context.User.Principal() is not { } caller || !context.User.IsInRole(CensusRoles.Requester))
        {
            return Problems.Forbidden("Only requesters book safe zones.");
        }

        var errors = SafeZoneRules.Validate(body);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var booking = body!;
        var request = new BookingRequest(
            BookingId(caller.Id, idempotencyKey), booking.GrantId!, caller.Id,
            caller.Organisation, booking.Days!, booking.Seats!.Value, context.User.Actor());
        var result = await Site(grains, site).Book(request);
        return result.Outcome is SafeZoneOutcome.Created or SafeZoneOutcome.Replayed
            ? TypedResults.Created($"{Base}/{site}/bookings/{result.Booking!.Id}", result.Booking)
            : Refusal(result.Outcome, result.Detail);
    }

    public static async Task<Results<Ok<List<SafeZoneBooking>>, ProblemHttpResult>> OnDay(string site, string? day, HttpContext context, IGrainFactory grains)
    {
        var (found, parsed, refused) = await StaffSiteAsync(site, day, context, grains, admins: true);
        return refused is not null ? refused : TypedResults.Ok(await Site(grains, found!.Id).BookingsOn(parsed!.Value));
    }

    public static async Task<Results<Ok<List<SafeZoneBooking>>, ProblemHttpResult>> Mine(HttpContext context, IGrainFactory grains)
    {
        if (context.User.Principal() is not { } caller)
        {
            return Problems.Forbidden("Only requesters have bookings.");
        }

        // Sites are few (tens): asking each is cheap and always agrees with the seats they count, where a
        // per-requester index would be a second copy to keep in step through another outbox.
        var ids = await grains.GetGrain<ISafeZoneRegistryGrain>(ISafeZoneRegistryGrain.Key).Ids();
        var bookings = await Task.WhenAll(ids.Select(id => Site(grains, id).BookingsOf(caller.Id)));
        return TypedResults.Ok(bookings.SelectMany(b => b).OrderBy(b => b.BookedAt).ThenBy(b => b.Id, StringComparer.Ordinal).ToList());
    }

    public static async Task<Results<Ok<SafeZoneBooking>, ProblemHttpResult>> GetBooking(string site, string id, HttpContext context, IGrainFactory grains)
    {
        var (_, booking, refused) = await BookingAsync(site, id, context, grains, requester: true, admins: true);
        return refused is not null ? refused : TypedResults.Ok(booking!);
    }

    public static async Task<Results<Ok<SafeZoneBooking>, ProblemHttpResult>> Cancel(string site, string id, HttpContext context, IGrainFactory grains)
    {
        var (found, booking, refused) = await BookingAsync(site, id, context, grains, requester: true, admins: true);
        if (refused is not null)
        {
            return refused;
        }

        var body = await JsonBody.ReadAsync<SafeZoneReason>(context);
        return body.Problem ?? await CancelCore(found!, booking!, body.Value, context, grains);
    }

    /// <summary>Cancel's typed core (the route and the console): who may act, the body's rules and the site's decision.</summary>
    public static async Task<Results<Ok<SafeZoneBooking>, ProblemHttpResult>> CancelWith(
        string site, string id, SafeZoneReason? body, HttpContext context, IGrainFactory grains)
    {
        var (found, booking, refused) = await BookingAsync(site, id, context, grains, requester: true, admins: true);
        return refused ?? await CancelCore(found!, booking!, body, context, grains);
    }

    private static async Task<Results<Ok<SafeZoneBooking>, ProblemHttpResult>> CancelCore(
        SafeZoneSite found, SafeZoneBooking booking, SafeZoneReason? body, HttpContext context, IGrainFactory grains)
    {
        var errors = SafeZoneRules.Validate(body);
        return errors.IsValid
            ? BookingAnswer(await Site(grains, found.Id).Cancel(booking.Id, body!.Reason!.Trim(), context.User.Actor()))
            : Problems.Validation(errors);
    }

    public static async Task<Results<Ok<SafeZoneBooking>, ProblemHttpResult>> CheckIn(string site, string id, HttpContext context, IGrainFactory grains)
    {
        var (found, booking, refused) = await BookingAsync(site, id, context, grains, requester: false, admins: false);
        return refused ?? BookingAnswer(await Site(grains, found!.Id).CheckIn(booking!.Id, context.User.Actor()));
    }

    public static async Task<Results<Ok<SafeZoneBooking>, ProblemHttpResult>> CheckOut(string site, string id, HttpContext context, IGrainFactory grains)
    {
        var (found, booking, refused) = await BookingAsync(site, id, context, grains, requester: false, admins: false);
        return refused ?? BookingAnswer(await Site(grains, found!.Id).CheckOut(booking!.Id, context.User.Actor()));
    }

    /// <summary>
    /// The booking id: with an Idempotency-Key, derived from it and the caller, so a retry whose first attempt was
    /// stored but never answered (a silo lost mid-call) finds that booking in the site grain instead of booking twice.
    /// </summary>
    private static string BookingId(string principalId, string idempotencyKey)
    {
        var seed = idempotencyKey.Length > 0 ? $"{principalId}\n{idempotencyKey}" : Guid.NewGuid().ToString("N");
        return "b-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..24];
    }

    /// <summary>The site and the day of a staff route: the caller must be admin (when allowed) or one of its operators.</summary>
    private static async Task<(SafeZoneSite? Site, DateOnly? Day, ProblemHttpResult? Refused)> StaffSiteAsync(
        string site, string? day, HttpContext context, IGrainFactory grains, bool admins)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, "site", site);
        var parsed = SafeZoneRules.ParseDay(day);
        if (parsed is null)
        {
            errors.Add("day", "must be a date (yyyy-MM-dd).");
        }

        if (!errors.IsValid)
        {
            return (null, null, Problems.Validation(errors));
        }

        if (await Site(grains, site).Get() is not { } found)
        {
            return (null, null, NoSite(site));
        }

        return IsStaff(context.User, found, admins)
            ? (found, parsed, null)
            : (null, null, Problems.Forbidden($"Only {(admins ? "admins and " : "")}the operators of safe zone '{site}' may do this."));
    }

    /// <summary>The site and booking of a booking route, when the caller may act on it: its requester (when allowed), the site's operators, admin (when allowed).</summary>
    private static async Task<(SafeZoneSite? Site, SafeZoneBooking? Booking, ProblemHttpResult? Refused)> BookingAsync(
        string site, string id, HttpContext context, IGrainFactory grains, bool requester, bool admins)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, "site", site);
        Rules.Id(errors, "id", id);
        if (!errors.IsValid)
        {
            return (null, null, Problems.Validation(errors));
        }

        var grain = Site(grains, site);
        if (await grain.Get() is not { } found)
        {
            return (null, null, NoSite(site));
        }

        var booking = await grain.Booking(id);
        var mine = requester && booking is not null && context.User.IsInRole(CensusRoles.Requester) && context.User.Principal()?.Id == booking.RequesterId;
        if (!mine && !IsStaff(context.User, found, admins))
        {
            // Told apart from "no such booking" only to those who may see it.
            return (null, null, Problems.Forbidden($"You may not act on booking '{id}' of safe zone '{site}'."));
        }

        return booking is null ? (null, null, Problems.NotFound($"No booking '{id}' at safe zone '{site}'.")) : (found, booking, null);
    }

    private static bool IsStaff(ClaimsPrincipal user, SafeZoneSite site, bool admins) =>
        (admins && user.IsAdmin()) ||
        (user.IsInRole(CensusRoles.ZoneOperator) && user.Principal() is { } caller && site.Operators.Contains(caller.Id));

    private static async Task<List<SafeZoneSite>> Sites(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ISafeZoneRegistryGrain>(ISafeZoneRegistryGrain.Key).Ids();
        var sites = await Task.WhenAll(ids.Select(id => Site(grains, id).Get()));
        return [.. sites.OfType<SafeZoneSite>().OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    private static Results<Ok<SafeZoneSite>, ProblemHttpResult> SiteAnswer(SafeZoneSiteResult result) =>
        result.Outcome == SafeZoneOutcome.Ok ? TypedResults.Ok(result.Site!) : Refusal(result.Outcome, result.Detail);

    private static Results<Ok<SafeZoneBooking>, ProblemHttpResult> BookingAnswer(SafeZoneBookingResult result) =>
        result.Outcome == SafeZoneOutcome.Ok ? TypedResults.Ok(result.Booking!) : Refusal(result.Outcome, result.Detail);

    private static ProblemHttpResult Refusal(SafeZoneOutcome outcome, string? detail) => outcome switch
    {
        SafeZoneOutcome.NotFound => Problems.NotFound(detail!),
        SafeZoneOutcome.Forbidden => Problems.Forbidden(detail!),
        SafeZoneOutcome.Unprocessable => Problems.Status(StatusCodes.Status422UnprocessableEntity, "Not possible", detail!),
        _ => Problems.Conflict(detail!),
    };

    private static ProblemHttpResult NoSite(string site) => Problems.NotFound($"No safe zone '{site}'.");

    private static ISafeZoneSiteGrain Site(IGrainFactory grains, string site) => grains.GetGrain<ISafeZoneSiteGrain>(site);
}
