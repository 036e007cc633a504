using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Census.Integration.Tests.Infrastructure;

namespace Census.Integration.Tests;

/// <summary>Survey records written through real gateways to silo processes on PostgreSQL.</summary>
public sealed class SurveyWritesOnPostgresTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    internal const string Record = """
        {"title":"하천 수위 관측","modality":"time-series","structure":"structured","digitization":"digital","formats":["csv"],
         "volume":{"records":2000000},"collection":{"purpose":"statistical","provenanceDocumented":true},
         "availability":{"now":"open","afterProcessing":"open"},"lawfulToProvide":true,"license":"kogl-type1","thirdPartyRights":"none",
         "personalData":{"status":"none","sensitive":false,"deidentificationPlanned":false,"riskAssessed":false,"scanVerified":true},
         "labeling":{"status":"none","specDocumented":false,"qaReported":false},"quality":{"assessed":false,"verified":false},
         "documentation":{"dataDictionary":true,"datasheet":false},"maintenance":{"updateFrequency":"daily","versioned":true}}
        """;

    private Task<(HttpClient Client, string Round, string Institution)> OpenRoundAsync() => OpenRoundAsync(cluster);

    internal static async Task<(HttpClient Client, string Round, string Institution)> OpenRoundAsync(TwoSiloCluster cluster)
    {
        var client = cluster.Gateway.CreateAdminClient();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var institution = "inst-" + suffix;
        var round = "round-" + suffix;
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/institutions",
            new { id = institution, name = "환경부", kind = "central-government", sector = "environment-weather" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/rounds",
            new { id = round, title = "Integration round", deadline = DateTime.UtcNow.AddDays(7), selection = new { quota = 100 } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/rounds/{round}/open", null)).StatusCode);
        return (client, round, institution);
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_acknowledged_write_is_in_the_postgres_index_with_its_revision()
    {
        var (client, round, institution) = await OpenRoundAsync();
        var path = $"/api/v1/rounds/{round}/institutions/{institution}/datasets/river-levels";

        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync(path, Json(Record))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(path, Json(Record))).StatusCode);

        var row = await cluster.Database.ScalarAsync<string>(
            $"SELECT revision || '/' || sector || '/' || modality || '/' || withdrawn FROM census_survey_index " +
            $"WHERE round_id = '{round}' AND institution_id = '{institution}' AND dataset_id = 'river-levels'");
        Assert.Equal("2/environment-weather/time-series/false", row);
    }

    [Fact]
    public async Task An_idempotent_retry_through_another_gateway_returns_the_first_response()
    {
        var (client, round, institution) = await OpenRoundAsync();
        var path = $"/api/v1/rounds/{round}/institutions/{institution}/datasets/retried";
        await using var secondGateway = await ClusterGateway.StartAsync(cluster.Database.ConnectionString, cluster.ClusterId);
        using var second = secondGateway.CreateAdminClient();

        using var first = new HttpRequestMessage(HttpMethod.Put, path) { Content = Json(Record) };
        first.Headers.Add("Idempotency-Key", "retry-1");
        var firstResponse = await client.SendAsync(first);
        using var retry = new HttpRequestMessage(HttpMethod.Put, path) { Content = Json(Record) };
        retry.Headers.Add("Idempotency-Key", "retry-1");
        var retryResponse = await second.SendAsync(retry);

        Assert.Equal(HttpStatusCode.Created, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retryResponse.StatusCode);
        using var a = JsonDocument.Parse(await firstResponse.Content.ReadAsStringAsync());
        using var b = JsonDocument.Parse(await retryResponse.Content.ReadAsStringAsync());
        Assert.Equal(a.RootElement.GetProperty("revision").GetInt32(), b.RootElement.GetProperty("revision").GetInt32());
        Assert.Equal(a.RootElement.GetProperty("updatedAt").GetString(), b.RootElement.GetProperty("updatedAt").GetString());
        Assert.Equal(1, await cluster.Database.ScalarAsync<int>(
            $"SELECT revision FROM census_survey_index WHERE round_id = '{round}' AND dataset_id = 'retried'"));
    }
}
