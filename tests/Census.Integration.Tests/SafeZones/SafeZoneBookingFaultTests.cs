using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Census.Contracts.Access;
using Census.Contracts.SafeZones;
using Census.Domain.SafeZones;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Census.Integration.Tests.SafeZones;

/// <summary>
/// Issue 14, fault test: 50 requesters, each with their own key and live safe-zone grant, book one seat on the same
/// day of a site with 10 seats left, through two gateway processes, while the silo hosting the site is killed. Clients
/// retry a 503, an in-flight 409 or a lost connection with the same Idempotency-Key. Afterwards exactly 10 bookings
/// exist, each requester who got 201 holds exactly the booking they were answered, and no one holds two.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class SafeZoneBookingFaultTests(ITestOutputHelper output)
{
    private const int Requesters = 50;
    private const int SeatsLeft = 10;
    private const int AlreadyBooked = 2;

    /// <summary>Requesters who book before the kill; the rest start the moment the silo is killed.</summary>
    private const int FirstWave = 6;

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Bookings_through_two_gateways_while_the_sites_silo_is_killed_fill_exactly_the_seats_left()
    {
        var figures = new FaultFigures(output, nameof(SafeZoneBookingFaultTests));
        var cluster = new TwoSiloCluster();
        await cluster.InitializeAsync();
        var gateways = new List<GatewayProcess>();
        try
        {
            // A short request deadline keeps an unanswered attempt's Idempotency-Key claim short (deadline + 30 s).
            var settings = new Dictionary<string, string> { ["Census__RequestTimeout"] = "00:00:10", ["Census__RateLimits__Enabled"] = "false" };
            gateways.Add(GatewayProcess.Start(cluster.Database.ConnectionString, cluster.ClusterId, settings));
            gateways.Add(GatewayProcess.Start(cluster.Database.ConnectionString, cluster.ClusterId, settings));
            foreach (var gateway in gateways)
            {
                using var probe = new HttpClient { BaseAddress = gateway.Address };
                await Eventually.Succeeds(() => probe.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "gateway process ready");
            }

            using var admin = gateways[0].CreateAdminClient();
            var grains = cluster.Gateway.Services.GetRequiredService<IGrainFactory>();
            var site = "fault-zone";
            var (operatorId, _) = await PrincipalAsync(admin, "fault-op", "zone-operator");
            await FaultScenario.SendAsync(admin, () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/safe-zones")
            {
                Content = JsonContent.Create(new
                {
                    id = site, name = "장애 시험 안심구역", address = "세종시", seats = SeatsLeft + AlreadyBooked,
                    openWeekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" },
                    operators = new[] { operatorId },
                }),
            }, HttpStatusCode.Created);
            var day = KoreaTime.DateOf(DateTimeOffset.UtcNow).AddDays(1);

            // Two seats are taken before the load, so the load sees a site with 10 seats left.
            var early = await RequesterAsync(admin, grains, "fault-early");
            using (var earlyClient = Client(gateways[1], early.Key))
            {
                using var booked = await FaultScenario.SendAsync(earlyClient, () => Booking(early.GrantId, AlreadyBooked, day, key: null), HttpStatusCode.Created);
            }

            var requesters = new List<(string Id, string Key, string GrantId)>();
            for (var i = 0; i < Requesters; i++)
            {
                requesters.Add(await RequesterAsync(admin, grains, $"fault-req-{i:00}"));
            }

            var host = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<ISafeZoneSiteGrain>(site));
            Assert.NotNull(host);
            var victim = host.Endpoint.Port == cluster.First.SiloPort ? cluster.First : cluster.Second;

            var clock = Stopwatch.StartNew();
            var outcomes = new ConcurrentDictionary<string, Outcome>();
            var created = 0;
            var threeBooked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var tasks = requesters.Select((r, i) => Task.Run(async () =>
            {
                if (i >= FirstWave)
                {
                    await killed.Task;
                }

                var outcome = await BookUntilAnsweredAsync(gateways, i, r, day);
                outcomes[r.Id] = outcome;
                if (outcome.Status == HttpStatusCode.Created && Interlocked.Increment(ref created) >= 3)
                {
                    threeBooked.TrySetResult();
                }
            })).ToList();

            TimeSpan killedAt;
            try
            {
                await Task.WhenAny(threeBooked.Task, Task.WhenAll(tasks));
                killedAt = clock.Elapsed;
                victim.Kill();
                figures.Add("SIGKILL: silo hosting the site", $"port {victim.SiloPort} at {killedAt.TotalSeconds:0.00} s, {Volatile.Read(ref created)} booked");
            }
            finally
            {
                killed.TrySetResult();
            }

            await Task.WhenAll(tasks);
            figures.Add("requesters, gateways", $"{Requesters} requesters (first {FirstWave} before the kill, the rest from it), 2 gateway processes, 2 silos");
            figures.Add("load duration", clock.Elapsed);
            figures.Add("answers (final)", string.Join(", ", outcomes.Values.GroupBy(o => (int)o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
            figures.Add("attempts", outcomes.Values.Sum(o => o.Attempts));
            figures.Add("retries (503, in-flight 409, lost connection)", outcomes.Values.Sum(o => o.Attempts - 1));
            figures.Add("503 answers", outcomes.Values.Sum(o => o.ServiceUnavailable));
            figures.Add("in-flight 409 answers", outcomes.Values.Sum(o => o.InFlight));
            figures.Add("lost connections", outcomes.Values.Sum(o => o.Lost));
            figures.Add("slowest requester (first attempt to final answer)", outcomes.Values.Max(o => o.Took));

            var stored = await StoredAsync(admin, site, day);
            var mine = stored.Where(b => b.RequesterId != early.Id && b.State == SafeZoneBookingState.Booked).ToList();
            figures.Add("bookings stored for the load", mine.Count);

            var acknowledged = outcomes.Where(o => o.Value.Status == HttpStatusCode.Created).ToDictionary(o => o.Key, o => o.Value.BookingId!);
            Assert.All(outcomes.Values, o => Assert.True(o.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"final answer {(int)o.Status}: {o.Detail}"));
            Assert.All(outcomes.Values.Where(o => o.Status == HttpStatusCode.Conflict), o => Assert.Contains("full on", o.Detail));
            Assert.Equal(Requesters, outcomes.Count);
            Assert.Equal(SeatsLeft, mine.Count);
            Assert.Equal(SeatsLeft + AlreadyBooked, stored.Where(b => b.State == SafeZoneBookingState.Booked).Sum(b => b.Seats));
            Assert.Equal(mine.Count, mine.Select(b => b.RequesterId).Distinct().Count());
            Assert.Equal(acknowledged.Count, mine.Count);
            foreach (var (requester, bookingId) in acknowledged)
            {
                var held = Assert.Single(mine, b => b.RequesterId == requester);
                Assert.Equal(bookingId, held.Id);
            }
        }
        finally
        {
            foreach (var gateway in gateways)
            {
                gateway.Dispose();
            }

            await cluster.DisposeAsync();
        }
    }

    private sealed record Outcome(HttpStatusCode Status, string? BookingId, string Detail, int Attempts, int ServiceUnavailable, int InFlight, int Lost, TimeSpan Took);

    /// <summary>
    /// One requester's booking as a client is told to make it: the same request with the same Idempotency-Key until a
    /// final answer; a 503 or an in-flight 409 after its Retry-After, a lost connection on the other gateway.
    /// </summary>
    private static async Task<Outcome> BookUntilAnsweredAsync(List<GatewayProcess> gateways, int index, (string Id, string Key, string GrantId) requester, DateOnly day)
    {
        var key = Guid.NewGuid().ToString();
        var started = Stopwatch.StartNew();
        var (attempts, unavailable, inFlight, lost) = (0, 0, 0, 0);
        var gateway = index % gateways.Count;
        while (true)
        {
            Assert.True(started.Elapsed < GiveUpAfter, $"{requester.Id} got no final answer within {GiveUpAfter}");
            attempts++;
            using var client = Client(gateways[gateway], requester.Key);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(Booking(requester.GrantId, 1, day, key));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                lost++;
                gateway = (gateway + 1) % gateways.Count;
                await Task.Delay(TimeSpan.FromSeconds(1));
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                var retryAfter = response.Headers.RetryAfter?.Delta;
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable || (response.StatusCode == HttpStatusCode.Conflict && retryAfter is not null))
                {
                    _ = response.StatusCode == HttpStatusCode.ServiceUnavailable ? unavailable++ : inFlight++;
                    await Task.Delay(retryAfter ?? TimeSpan.FromSeconds(1));
                    continue;
                }

                var bookingId = response.StatusCode == HttpStatusCode.Created
                    ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()
                    : null;
                return new Outcome(response.StatusCode, bookingId, body, attempts, unavailable, inFlight, lost, started.Elapsed);
            }
        }
    }

    private static HttpRequestMessage Booking(string grantId, int seats, DateOnly day, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/safe-zones/fault-zone/bookings")
        {
            Content = JsonContent.Create(new { grantId, seats, days = new[] { SafeZoneRules.Format(day) } }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    private static HttpClient Client(GatewayProcess gateway, string key)
    {
        var client = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<(string Id, string Key)> PrincipalAsync(HttpClient admin, string id, string role)
    {
        if (role == "requester")
        {
            // A requester acts for a registered user organisation.
            using var organisation = await FaultScenario.SendAsync(admin, () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/organisations")
            {
                Content = JsonContent.Create(new { id = "lab-" + id, name = "연구소 " + id, kind = "research-institute" }),
            }, HttpStatusCode.Created, createdByAnEarlierAttempt: HttpStatusCode.Conflict);
        }

        using var registered = await FaultScenario.SendAsync(admin, () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/principals")
        {
            Content = JsonContent.Create(new { id, name = "이용자 " + id, role, organisation = "lab-" + id }),
        }, HttpStatusCode.Created, createdByAnEarlierAttempt: HttpStatusCode.Conflict);
        using var issued = await FaultScenario.SendAsync(admin, () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/principals/{id}/api-keys"), HttpStatusCode.Created);
        var key = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("apiKey").GetString()!;
        return (id, key);
    }

    /// <summary>A requester with a key and a live safe-zone grant, issued on the grain client (the grant routes are the lead's).</summary>
    private static async Task<(string Id, string Key, string GrantId)> RequesterAsync(HttpClient admin, IGrainFactory grains, string id)
    {
        var (_, key) = await PrincipalAsync(admin, id, "requester");
        var now = DateTimeOffset.UtcNow;
        var grant = await grains.GetGrain<IGrantGrain>("grant-" + id).Issue(new Grant(
            "grant-" + id, "inst-fault", "ds-fault", "1.0", GrantKind.SafeZone, id, "lab-" + id, null, null,
            now.AddHours(-1), now.AddDays(10), GrantStatus.Live, now, "admin", null, null, null));
        return (id, key, grant.Id);
    }

    private static async Task<List<SafeZoneBooking>> StoredAsync(HttpClient admin, string site, DateOnly day)
    {
        using var response = await FaultScenario.SendAsync(
            admin, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/safe-zones/{site}/bookings?day={SafeZoneRules.Format(day)}"), HttpStatusCode.OK);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Census.Domain.Serialization.CensusJson.Configure(options);
        return (await response.Content.ReadFromJsonAsync<List<SafeZoneBooking>>(options))!;
    }
}
