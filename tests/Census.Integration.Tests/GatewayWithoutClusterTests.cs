using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Census.Grains.Storage.Postgres;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Census.Integration.Tests;

/// <summary>
/// Issue 5: a gateway that cannot reach the cluster answers 503 with Retry-After, never 500, and recovers by
/// itself — whether the cluster is missing when the gateway starts or goes away later.
/// </summary>
public sealed class GatewayWithoutClusterTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private TestPostgres _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateAsync();
        await new SchemaMigrator(_database.ConnectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_gateway_started_before_any_silo_answers_503_then_serves_once_a_silo_joins_and_again_after_it_is_lost()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var clusterId = "gw-" + Guid.NewGuid().ToString("N")[..8];
        using var gateway = GatewayProcess.Start(_database.ConnectionString, clusterId);
        using var client = gateway.CreateAdminClient();

        // No silo yet: the process serves, live but not ready, and the API says "retry later".
        await Eventually.Succeeds(() => client.GetAsync("/health/live"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "gateway live");
        Assert.False(gateway.HasExited, gateway.Output);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        await AssertRetryLater(await client.GetAsync("/api/v1/rounds"));
        await AssertRetryLater(await client.PostAsJsonAsync("/api/v1/institutions", Institution("early")));

        // A silo joins: the same process connects by itself and serves.
        using var silo = SiloProcess.Start(_database.ConnectionString, clusterId);
        var created = await Eventually.Succeeds(
            () => client.PostAsJsonAsync("/api/v1/institutions", Institution("joined")),
            r => r.StatusCode == HttpStatusCode.Created,
            TimeSpan.FromSeconds(120),
            "the gateway serving once a silo joined");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/institutions/early")).StatusCode);
        output.WriteLine($"served after a silo joined: {clock.Elapsed.TotalSeconds:F1} s");

        // The only silo dies: 503 with Retry-After, never 500.
        silo.Kill();
        var lost = await Eventually.Succeeds(
            () => client.GetAsync("/api/v1/institutions/joined"),
            r => r.StatusCode != HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the gateway noticing the silo is gone");
        await AssertRetryLater(lost);
        output.WriteLine($"503 after the silo was killed: {clock.Elapsed.TotalSeconds:F1} s");

        // The silo is started again (as a supervisor would): the gateway recovers without a restart.
        using var restarted = silo.StartAgain();
        var read = await Eventually.Succeeds(
            () => client.GetAsync("/api/v1/institutions/joined"),
            r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(120),
            "the gateway serving again after the cluster came back");
        output.WriteLine($"served again after the silo restarted: {clock.Elapsed.TotalSeconds:F1} s");
        using var body = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        Assert.Equal("joined", body.RootElement.GetProperty("id").GetString());
        Assert.False(gateway.HasExited);
        Assert.DoesNotContain("Unhandled exception", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_stopped_while_still_waiting_for_the_cluster_exits_cleanly()
    {
        using var gateway = GatewayProcess.Start(_database.ConnectionString, "gw-none-" + Guid.NewGuid().ToString("N")[..8]);
        using var client = gateway.CreateAdminClient();
        await Eventually.Succeeds(() => client.GetAsync("/health/live"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "gateway live");

        Assert.True(gateway.Terminate(TimeSpan.FromSeconds(30)), "the gateway must exit on SIGTERM");
        Assert.Equal(0, gateway.ExitCode);
        Assert.DoesNotContain("Unhandled exception", gateway.Output, StringComparison.Ordinal);

        // An ordinary stop: the host started (the client connects in the background) and nothing failed on the way
        // down, neither the host's start nor the client's shutdown.
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"LogLevel\":\"Critical\"", gateway.Output, StringComparison.Ordinal);
    }

    private static object Institution(string id) => new { id, name = "기관 " + id, kind = "public-institution", sector = "health-medical" };

    private static async Task AssertRetryLater(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 must carry Retry-After");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
    }
}
