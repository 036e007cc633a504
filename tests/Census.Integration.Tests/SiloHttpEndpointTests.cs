using System.Net;
using System.Text.Json;
using Census.Integration.Tests.Infrastructure;

namespace Census.Integration.Tests;

/// <summary>Silo processes serve probes and Prometheus metrics on their own HTTP port, without a key.</summary>
public sealed class SiloHttpEndpointTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    private const string RecordsWritten = "census_records_written_total";

    [Fact]
    public async Task A_silo_serves_Prometheus_metrics_of_Orleans_and_PostgreSQL()
    {
        using var client = new HttpClient { BaseAddress = cluster.First.HttpAddress };

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.Contains("db_client_operation_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_is_ready_when_it_is_an_active_member_and_PostgreSQL_answers()
    {
        using var client = new HttpClient { BaseAddress = cluster.Second.HttpAddress };

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("healthy", checks["silo"]);
        Assert.Equal("healthy", checks["database"]);
    }

    [Fact]
    public async Task A_silo_is_live()
    {
        using var client = new HttpClient { BaseAddress = cluster.First.HttpAddress };

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_is_off_by_default()
    {
        using var client = new HttpClient { BaseAddress = cluster.First.HttpAddress };

        using var response = await client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_survey_write_through_the_gateway_is_counted_by_the_silo_that_ran_it()
    {
        using var first = new HttpClient { BaseAddress = cluster.First.HttpAddress };
        using var second = new HttpClient { BaseAddress = cluster.Second.HttpAddress };
        var before = await WrittenOnBothSilos(first, second);
        var (client, round, institution) = await SurveyWritesOnPostgresTests.OpenRoundAsync(cluster);

        using var response = await client.PutAsync(
            $"/api/v1/rounds/{round}/institutions/{institution}/datasets/counted", SurveyWritesOnPostgresTests.Json(SurveyWritesOnPostgresTests.Record));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // The exporter may answer from its short cache for a moment after the write.
        await Eventually.Succeeds(() => WrittenOnBothSilos(first, second), written => written > before, TimeSpan.FromSeconds(10), $"{RecordsWritten} to grow");
    }

    [Fact]
    public async Task The_cluster_mode_gateway_serves_metrics_without_a_key()
    {
        using var client = cluster.Gateway.CreateClient();

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<double> WrittenOnBothSilos(HttpClient first, HttpClient second) =>
        Sum(await first.GetStringAsync("/metrics"), RecordsWritten) + Sum(await second.GetStringAsync("/metrics"), RecordsWritten);

    /// <summary>The sum of every sample of <paramref name="name"/> in Prometheus text; 0 when there is none yet.</summary>
    private static double Sum(string text, string name) => text.Split('\n')
        .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
}
