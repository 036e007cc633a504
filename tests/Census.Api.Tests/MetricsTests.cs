namespace Census.Api.Tests;

/// <summary>api.md "Operations": <c>GET /metrics</c> serves OpenTelemetry metrics in Prometheus text, without a key.</summary>
[Collection(OperationsCollection.Name)]
public sealed class MetricsTests(GatewayFixture gateway)
{
    private const string RecordsWritten = "census_records_written_total";
    private const string RecordsWithdrawn = "census_records_withdrawn_total";
    private const string RequestDurationCount = "http_server_request_duration_seconds_count";
    private const string RunsStarted = "census_ranking_runs_started_total";
    private const string RunsEnded = "census_ranking_runs_ended_total";
    private const string RunDurationCount = "census_ranking_run_duration_seconds_count";
    private const string GrainCallCount = "orleans_app_requests_latency_milliseconds_count";

    [Fact]
    public async Task Metrics_answer_200_in_Prometheus_text_without_a_key()
    {
        using var client = gateway.Anonymous();

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ignore_an_invalid_key()
    {
        using var client = gateway.Factory.ClientWith("Bearer not-a-valid-key");

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_survey_write_increases_the_records_written_counter()
    {
        using var client = gateway.Anonymous();
        var p = await gateway.NewParticipant();
        var before = (await PrometheusText.Scrape(client)).Sum(RecordsWritten);

        await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));

        var after = await PrometheusText.ScrapeUntil(client, m => m.Sum(RecordsWritten) > before);
        Assert.True(after.Sum(RecordsWritten) > before, $"{RecordsWritten} stayed at {before}:\n{after.Text}");
        Assert.Contains(after.Samples(RecordsWritten), s => s.Labels.Contains("outcome=\"created\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_withdrawal_increases_the_records_withdrawn_counter()
    {
        using var client = gateway.Anonymous();
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        var before = (await PrometheusText.Scrape(client)).Sum(RecordsWithdrawn);

        using var response = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, dataset);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await PrometheusText.ScrapeUntil(client, m => m.Sum(RecordsWithdrawn) > before);
        Assert.True(after.Sum(RecordsWithdrawn) > before, $"{RecordsWithdrawn} stayed at {before}:\n{after.Text}");
    }

    [Fact]
    public async Task A_survey_write_is_counted_in_the_http_server_request_duration()
    {
        using var client = gateway.Anonymous();
        var p = await gateway.NewParticipant();

        await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));

        var metrics = await PrometheusText.ScrapeUntil(client, m => PutSamples(m).Count > 0);
        var puts = PutSamples(metrics);
        Assert.True(puts.Count > 0, $"No {RequestDurationCount} for a PUT of a dataset:\n{metrics.Text}");
        Assert.True(puts.Sum(s => s.Value) >= 1);
        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_completed_ranking_run_is_counted_with_its_duration()
    {
        using var client = gateway.Anonymous();
        var p = await gateway.NewParticipant();
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));
        var before = await PrometheusText.Scrape(client);

        var runId = await StartRun(p.RoundId);
        await UntilFinished(p.RoundId, runId);

        var after = await PrometheusText.ScrapeUntil(client, m => Completed(m) > Completed(before));
        Assert.True(after.Sum(RunsStarted) > before.Sum(RunsStarted), $"{RunsStarted} did not grow:\n{after.Text}");
        Assert.True(Completed(after) > Completed(before), $"No completed run counted in {RunsEnded}:\n{after.Text}");
        Assert.True(after.Sum(RunDurationCount) > before.Sum(RunDurationCount), $"{RunDurationCount} did not grow:\n{after.Text}");
    }

    [Fact]
    public async Task Metrics_include_Orleans_grain_calls()
    {
        using var client = gateway.Anonymous();
        await gateway.NewInstitution();

        var metrics = await PrometheusText.ScrapeUntil(client, m => m.Sum(GrainCallCount) > 0);

        Assert.True(metrics.Sum(GrainCallCount) > 0, $"No {GrainCallCount}:\n{metrics.Text}");
    }

    private static double Completed(PrometheusText metrics) =>
        metrics.Samples(RunsEnded).Where(s => s.Labels.Contains("outcome=\"completed\"", StringComparison.Ordinal)).Sum(s => s.Value);

    private async Task<string> StartRun(string roundId)
    {
        using var response = await gateway.Admin.Client.PostAsync($"/api/v1/rounds/{roundId}/rankings", content: null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.ReadJson()).GetProperty("runId").GetString()!;
    }

    private async Task UntilFinished(string roundId, string runId)
    {
        var until = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await gateway.Admin.Client.GetAsync($"/api/v1/rounds/{roundId}/rankings/{runId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var state = (await response.ReadJson()).GetProperty("state").GetString();
            if (state != "running")
            {
                Assert.Equal("completed", state);
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Run {runId} still running after 30 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static List<(string Labels, double Value)> PutSamples(PrometheusText metrics) =>
    [
        .. metrics.Samples(RequestDurationCount).Where(s =>
            s.Labels.Contains("http_request_method=\"PUT\"", StringComparison.Ordinal) &&
            s.Labels.Contains("/datasets/{datasetId}", StringComparison.Ordinal)),
    ];
}
