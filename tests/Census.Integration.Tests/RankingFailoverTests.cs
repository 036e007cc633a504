using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Census.Contracts.Rankings;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Census.Integration.Tests;

/// <summary>
/// Issue 4 / issue 5 (c): a ranking run whose silo is killed while the run is in flight completes, on the
/// surviving silo, with the selection an undisturbed run over the same records gives.
/// </summary>
public sealed class RankingFailoverTests(TwoSiloCluster cluster, ITestOutputHelper output) : IClassFixture<TwoSiloCluster>
{
    private const int Records = 200_000;

    [Fact]
    public async Task A_run_whose_silo_is_killed_mid_run_completes_with_the_selection_of_an_undisturbed_run()
    {
        using var client = cluster.Gateway.CreateAdminClient();
        var undisturbed = await ClosedRoundWithRecords(client, "rank-calm");
        var disturbed = await ClosedRoundWithRecords(client, "rank-storm");

        var calm = await CompletedRun(client, await StartRun(client, undisturbed), TimeSpan.FromMinutes(2));

        // The second round's shards are cold, so its run reads 200,000 rows: seconds, long enough to kill
        // the silo that hosts the run (and about half its shards) in the middle of it.
        var location = await StartRun(client, disturbed);
        var runId = location[(location.LastIndexOf('/') + 1)..];
        var grains = cluster.Gateway.Services.GetRequiredService<IGrainFactory>();
        var host = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IRankingRunGrain>($"{disturbed}/{runId}"));
        Assert.NotNull(host);
        var victim = host.Endpoint.Port == cluster.First.SiloPort ? cluster.First : cluster.Second;
        Assert.Equal(host.Endpoint.Port, victim.SiloPort);
        using (var before = JsonDocument.Parse(await client.GetStringAsync(location)))
        {
            Assert.Equal("running", before.RootElement.GetProperty("state").GetString());
        }

        victim.Kill();
        var killedAt = DateTimeOffset.UtcNow;

        var storm = await CompletedRun(client, location, TimeSpan.FromMinutes(4));
        var recovered = DateTimeOffset.UtcNow - killedAt;
        var completedAt = storm.GetProperty("completedAt").GetDateTimeOffset();

        output.WriteLine($"ranking under a silo kill: {Records} records per round, killed at {killedAt:O}, " +
                         $"run completed at {completedAt:O}, recovered in {recovered.TotalSeconds:F1} s");
        Assert.True(completedAt > killedAt, "the run must still have been in flight when its silo was killed");
        Assert.Equal("completed", storm.GetProperty("state").GetString());
        Assert.Equal(100, calm.GetProperty("selection").GetArrayLength());
        Assert.Equal(calm.GetProperty("selection").GetRawText(), storm.GetProperty("selection").GetRawText());
        Assert.Equal(calm.GetProperty("scored").GetInt64(), storm.GetProperty("scored").GetInt64());
        Assert.Equal(calm.GetProperty("eligible").GetInt64(), storm.GetProperty("eligible").GetInt64());
        Assert.Equal(calm.GetProperty("totalScore").GetDecimal(), storm.GetProperty("totalScore").GetDecimal());
    }

    /// <summary>A round of <see cref="Records"/> synthetic index rows (2,000 institutions, 16 sectors), closed.</summary>
    private async Task<string> ClosedRoundWithRecords(HttpClient client, string roundId)
    {
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = roundId,
            title = "Ranking failover " + roundId,
            deadline = "2030-01-01T00:00:00Z",
            selection = new { quota = 100, maxPerInstitution = 5, sectorMin = new { law = 3 }, sectorMax = new { education = 20 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var round = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var shards = round.RootElement.GetProperty("shardCount").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/rounds/{roundId}/open", null)).StatusCode);

        // Rows as agencies' writes would have left them; shard = row mod shard count spreads them evenly.
        await cluster.Database.ExecuteAsync($"""
            INSERT INTO census_survey_index
            SELECT '{roundId}', 'inst-' || lpad((i % 2000)::text, 4, '0'), 'ds-' || i, (i % {shards})::smallint, 1, false,
                   (ARRAY['public-administration','science-technology','education','transport-logistics','land-management',
                          'agriculture-fisheries','culture-tourism','law','health-medical','social-welfare','industry-employment',
                          'food-health','disaster-safety','finance','unification-diplomacy','environment-weather'])[1 + (i / 7) % 16],
                   (ARRAY['text','image','video','audio','tabular','time-series','geospatial','multimodal'])[1 + (i * 7) % 8],
                   (ARRAY['open','restricted','safe-zone-only','not-providable'])[1 + (i * 13) % 4],
                   (i % 20) <> 0, CASE WHEN (i % 20) = 0 THEN 1 ELSE 0 END,
                   (i*3)%5, (i*7)%5, (i*11)%5, (i*13)%5, (i*17)%5, (i*19)%5, (i*23)%5, (i*29)%5, (i*31)%5, (i*37)%5,
                   GREATEST((i*3)%5, (i*41)%5), GREATEST((i*7)%5, (i*43)%5), (i*11)%5, (i*13)%5, (i*47)%5,
                   (i*19)%5, GREATEST((i*23)%5, (i*53)%5), GREATEST((i*29)%5, (i*59)%5), (i*31)%5, (i*37)%5, now() - interval '1 hour'
            FROM generate_series(1, {Records}) AS i
            """);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/rounds/{roundId}/close", null)).StatusCode);
        return roundId;
    }

    private static async Task<string> StartRun(HttpClient client, string roundId)
    {
        var response = await client.PostAsync($"/api/v1/rounds/{roundId}/rankings", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    private static async Task<JsonElement> CompletedRun(HttpClient client, string location, TimeSpan timeout)
    {
        var body = await Eventually.Succeeds(
            async () =>
            {
                var response = await client.GetAsync(location);
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
            },
            text => text is not null && JsonDocument.Parse(text).RootElement.GetProperty("state").GetString() != "running",
            timeout,
            "the run to finish");
        return JsonDocument.Parse(body!).RootElement.Clone();
    }
}
