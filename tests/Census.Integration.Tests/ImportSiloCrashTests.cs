using System.Net;
using Census.Contracts.Imports;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Integration.Tests;

/// <summary>
/// A silo dies under a running import: the import resumes on the other silo and no row is written twice. Its own
/// cluster, since the test leaves one silo dead.
/// </summary>
public sealed class ImportSiloCrashTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task An_import_whose_silo_is_killed_resumes_on_the_other_and_writes_no_row_twice()
    {
        const int rows = 5_000;
        var (client, round, institution) = await SurveyWritesOnPostgresTests.OpenRoundAsync(cluster);
        // A 503 (the cluster busy or a call timed out) is answered as the contract tells clients: the same POST again,
        // with the same Idempotency-Key, which names the same import.
        var key = Guid.NewGuid().ToString();
        using var posted = await Eventually.Succeeds(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rounds/{round}/institutions/{institution}/imports")
                {
                    Content = ImportsOnPostgresTests.File(rows),
                };
                request.Headers.Add("Idempotency-Key", key);
                return await client.SendAsync(request);
            },
            r => r.StatusCode != HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(60),
            "the import's POST");
        Assert.True(posted.StatusCode == HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
        var location = posted.Headers.Location!.OriginalString;
        var importId = location[(location.LastIndexOf('/') + 1)..];

        // Kill the silo that runs the import, once it has written a page and before it has written them all.
        var grains = cluster.Gateway.Services.GetRequiredService<IGrainFactory>();
        var host = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IImportGrain>($"{round}/{institution}/{importId}"));
        Assert.NotNull(host);
        var victim = host.Endpoint.Port == cluster.First.SiloPort ? cluster.First : cluster.Second;
        var underway = await Eventually.Succeeds(() => ImportsOnPostgresTests.ReadAsync(client, location), i => i.GetProperty("progress").GetDouble() > 0, TimeSpan.FromSeconds(60), "a first page");
        Assert.Equal("running", underway.GetProperty("state").GetString());
        victim.Kill();

        var ended = await Eventually.Succeeds(
            () => ImportsOnPostgresTests.ReadAsync(client, location), i => i.GetProperty("state").GetString() != "running", TimeSpan.FromSeconds(180), "the import's end after the kill");

        Assert.Equal(("completed", rows), (ended.GetProperty("state").GetString(), ended.GetProperty("created").GetInt32()));
        Assert.Equal($"{rows}/1", await cluster.Database.ScalarAsync<string>(
            $"SELECT count(*) || '/' || max(revision) FROM census_survey_index WHERE round_id = '{round}' AND institution_id = '{institution}'"));
    }
}
