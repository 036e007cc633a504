using Microsoft.Extensions.DependencyInjection;

namespace Census.Api.Tests;

/// <summary>
/// Issue 5: rate limits per API key. A key over its rate gets 429 with Retry-After and a problem, changes nothing,
/// and does not slow down any other key; probes and metrics are never limited. Issue 9: a key has its own bucket only
/// once it verified; everything else — no key, a malformed key, a forged one — draws from its client address's
/// bucket before any grain call, and a failed verification costs the address more.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime, IDisposable
{
    private const int Burst = 4;
    private readonly TempDataDirectory _data = new();
    private readonly string _adminKey = CensusGatewayFactory.NewAdminKey();
    private readonly GrainCallCounter _calls = new();
    private CensusGatewayFactory _gateway = null!;
    private string _institutionId = null!;
    private string _institutionKey = null!;

    public async Task InitializeAsync()
    {
        // Set up with limits off, then restart the gateway on the same data with a tiny bucket: one permit an hour
        // after the burst, so nothing refills while a test runs.
        var id = _institutionId = Ids.New();
        await using (var setup = new CensusGatewayFactory(_data.Path, _adminKey))
        {
            var api = new CensusApi(setup.ClientWithKey(_adminKey));
            await api.RegisterValid(id);
            (_, _institutionKey) = await api.IssueValidKey(id);
        }

        _gateway = new CensusGatewayFactory(_data.Path, _adminKey, new Dictionary<string, string>
        {
            ["Census:RateLimits:Enabled"] = "true",
            ["Census:RateLimits:PermitsPerSecond"] = "0.0003",
            ["Census:RateLimits:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            ExtraServices = services => services.AddSingleton<IIncomingGrainCallFilter>(_calls),
        };
    }

    private int Verifications => _calls.Of(nameof(Census.Contracts.Institutions.IInstitutionGrain), "VerifyApiKey");

    /// <summary>Well formed, so it reaches its (made-up) institution unless something stops it first.</summary>
    private static string ForgedKey() =>
        $"cen.{Ids.New("forged")}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}.x";

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _gateway?.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_key_over_its_burst_gets_429_with_Retry_After_and_a_problem()
    {
        using var admin = _gateway.ClientWithKey(_adminKey);
        for (var i = 0; i < Burst; i++)
        {
            using var allowed = await admin.GetAsync("/api/v1/institutions");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await admin.GetAsync("/api/v1/institutions");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 must carry Retry-After");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.ReadJson();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_request_refused_for_its_rate_changes_nothing()
    {
        using var admin = _gateway.ClientWithKey(_adminKey);
        for (var i = 0; i < Burst; i++)
        {
            using var _ = await admin.GetAsync("/api/v1/institutions");
        }

        var id = Ids.New();
        using var refused = await admin.PostAsync("/api/v1/institutions", Registrations.Valid(id).AsJson());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        await using var unlimited = new CensusGatewayFactory(_data.Path, _adminKey);
        using var read = await new CensusApi(unlimited.ClientWithKey(_adminKey)).Get(id);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task One_key_over_its_rate_does_not_limit_another_key()
    {
        using var admin = _gateway.ClientWithKey(_adminKey);
        for (var i = 0; i <= Burst; i++)
        {
            using var _ = await admin.GetAsync("/api/v1/institutions");
        }

        using (var limited = await admin.GetAsync("/api/v1/institutions"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        using var agency = _gateway.ClientWithKey(_institutionKey);
        using var response = await agency.GetAsync($"/api/v1/institutions/{_institutionId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Probes_and_metrics_are_never_limited()
    {
        using var client = _gateway.ClientWith(null);
        for (var i = 0; i < Burst * 3; i++)
        {
            using var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            using var metrics = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }
    }

    [Fact]
    public async Task Requests_without_a_valid_key_share_one_bucket_per_client_address()
    {
        using var anonymous = _gateway.ClientWith("Bearer not-a-key");
        for (var i = 0; i < Burst; i++)
        {
            using var refused = await anonymous.GetAsync("/api/v1/institutions");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var flooded = await anonymous.GetAsync("/api/v1/institutions");
        Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);

        using var admin = _gateway.ClientWithKey(_adminKey);
        using var fine = await admin.GetAsync("/api/v1/institutions");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task A_flood_of_forged_agency_keys_from_one_address_is_answered_429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 450; i++)
        {
            using var forged = _gateway.ClientWithKey(ForgedKey());
            using var response = await forged.GetAsync("/api/v1/institutions");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.True(statuses.Count(s => s == HttpStatusCode.Unauthorized) <= Burst, $"{statuses.Count(s => s == HttpStatusCode.Unauthorized)} forged keys were checked");
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Once_an_address_is_limited_its_forged_keys_reach_no_grain()
    {
        var status = HttpStatusCode.Unauthorized;
        for (var i = 0; i < 100 && status == HttpStatusCode.Unauthorized; i++)
        {
            using var forged = _gateway.ClientWithKey(ForgedKey());
            using var response = await forged.GetAsync("/api/v1/institutions");
            status = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        var checkedBefore = Verifications;
        Assert.True(checkedBefore > 0, "the forged keys before the limit should have been checked by their institution");

        for (var i = 0; i < 50; i++)
        {
            using var forged = _gateway.ClientWithKey(ForgedKey());
            using var response = await forged.GetAsync("/api/v1/institutions");
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        }

        Assert.Equal(checkedBefore, Verifications);
    }

    [Fact]
    public async Task A_key_that_verified_is_not_limited_by_forged_keys_from_its_address()
    {
        using var agency = _gateway.ClientWithKey(_institutionKey);
        using (var first = await agency.GetAsync($"/api/v1/institutions/{_institutionId}"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        for (var i = 0; i < Burst * 3; i++)
        {
            using var forged = _gateway.ClientWithKey(ForgedKey());
            using var _ = await forged.GetAsync("/api/v1/institutions");
        }

        using (var flooded = _gateway.ClientWithKey(ForgedKey()))
        using (var refused = await flooded.GetAsync("/api/v1/institutions"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        using var after = await agency.GetAsync($"/api/v1/institutions/{_institutionId}");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_forged_secret_for_a_real_key_id_does_not_keep_the_key_ids_bucket()
    {
        using var agency = _gateway.ClientWithKey(_institutionKey);
        using (var first = await agency.GetAsync($"/api/v1/institutions/{_institutionId}"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var parts = _institutionKey.Split('.');
        var wrongSecret = string.Join('.', parts[0], parts[1], parts[2], new string('x', parts[3].Length));
        using var forger = _gateway.ClientWithKey(wrongSecret);
        var checkedBefore = Verifications;
        for (var i = 0; i < Burst * 3; i++)
        {
            using var _ = await forger.GetAsync("/api/v1/institutions");
        }

        // The first refusal forgets the key id and charges the address; the rest stop at the address, unchecked.
        Assert.Equal(checkedBefore + 1, Verifications);
    }
}

/// <summary>Issue 5: a request past its deadline is canceled in the grain and answered 503 with Retry-After, never 500.</summary>
public sealed class RequestTimeoutTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly string _adminKey = CensusGatewayFactory.NewAdminKey();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_report_past_the_request_deadline_gets_503_with_Retry_After_and_the_gateway_keeps_serving()
    {
        string roundId;
        await using (var setup = new CensusGatewayFactory(_data.Path, _adminKey))
        {
            var client = setup.ClientWithKey(_adminKey);
            roundId = Ids.New("round");
            await new RoundRoutes(client).CreateValid(roundId, []);
        }

        await using var gateway = new CensusGatewayFactory(_data.Path, _adminKey, new Dictionary<string, string>
        {
            ["Census:RequestTimeout"] = "00:00:00.001",
        });
        // A plain client: NoServerErrors would fail the test on the 503 it is here to see.
        using var admin = gateway.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _adminKey);

        using var report = await admin.GetAsync($"/api/v1/rounds/{roundId}/reports/institutions");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
        Assert.True(report.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 must carry Retry-After");
        Assert.Equal("application/problem+json", report.Content.Headers.ContentType?.MediaType);
        using var live = await admin.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
