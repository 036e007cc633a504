using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Census.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Census.Integration.Tests;

/// <summary>
/// Issue 5, fault test (b): PostgreSQL — the cluster's only database — stops and starts again. The
/// server is the fixture's own (never the machine's shared one); two silo processes and the gateway use it.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class DatabaseRestartFaultTests(PrivatePostgresCluster fixture, ITestOutputHelper output) : IClassFixture<PrivatePostgresCluster>
{
    private const int Records = 1500; // 1 + (i mod 3) writes each: 3,000 distinct writes

    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Requests_while_the_database_is_down_are_503_with_Retry_After_and_succeed_once_it_is_back()
    {
        var figures = new FaultFigures(output, nameof(DatabaseRestartFaultTests) + ".Requests");
        var gateway = fixture.Cluster.Gateway!;
        using var admin = gateway.CreateAdminClient();
        var institutions = await FaultScenario.InstitutionsAsync(admin, 1, "outage");
        await FaultScenario.OpenRoundAsync(admin, "outage-round", DateTimeOffset.UtcNow.AddDays(7));
        var recordPath = $"/api/v1/rounds/outage-round/institutions/{institutions[0]}/datasets/written-during-outage";

        // Each request below needs a grain that is not active yet, so it must read PostgreSQL.
        var requests = new (string Name, Func<HttpRequestMessage> Request, HttpStatusCode Success)[]
        {
            ("read an institution", () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/institutions/registered-later"), HttpStatusCode.NotFound),
            ("register an institution", () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/institutions")
            {
                Content = JsonContent.Create(new { id = "registered-later", name = "나중 기관", kind = "other", sector = "finance" }),
            }, HttpStatusCode.Created),
            ("write a survey record", () =>
            {
                var put = new HttpRequestMessage(HttpMethod.Put, recordPath)
                {
                    Content = new StringContent(SurveyWritesOnPostgresTests.Record, Encoding.UTF8, "application/json"),
                };
                put.Headers.Add("Idempotency-Key", "outage-write-1");
                return put;
            }, HttpStatusCode.Created),
        };

        await fixture.Database.StopAsync();
        var downAnswers = new List<string>();
        try
        {
            foreach (var (name, request, _) in requests)
            {
                using var response = await admin.SendAsync(request());
                downAnswers.Add($"{name}: {(int)response.StatusCode}, Retry-After {response.Headers.RetryAfter?.Delta?.TotalSeconds}");
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable,
                    $"{name} while the database is down: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                Assert.NotNull(response.Headers.RetryAfter?.Delta);
            }

            using var ready = await admin.GetAsync("/health/ready");
            downAnswers.Add($"/health/ready: {(int)ready.StatusCode}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            foreach (var answer in downAnswers)
            {
                figures.Add("database down", answer);
            }

            if (!fixture.Database.IsRunning)
            {
                await fixture.Database.StartServerAsync();
            }
        }

        var clock = Stopwatch.StartNew();
        foreach (var (name, request, success) in requests)
        {
            // The same request again (same Idempotency-Key for the write), as the client was told to.
            var response = await Eventually.Succeeds(() => admin.SendAsync(request()), r => r.StatusCode == success,
                TimeSpan.FromSeconds(60), $"{name} after the database is back");
            figures.Add($"database back: {name} answered {(int)response.StatusCode} after", clock.Elapsed);
        }

        using var written = await admin.GetAsync(recordPath);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal("\"1\"", written.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Writes_acknowledged_across_a_database_restart_are_all_stored_once_and_the_outage_is_503_never_500()
    {
        var figures = new FaultFigures(output, nameof(DatabaseRestartFaultTests) + ".Writes");
        figures.Add("private PostgreSQL + 2 silos + gateway started in", fixture.StartedIn);
        var gateway = fixture.Cluster.Gateway!;
        using var admin = gateway.CreateAdminClient();
        var institutions = await FaultScenario.InstitutionsAsync(admin, 8, "dbr");
        const string round = "db-restart-round";
        await FaultScenario.OpenRoundAsync(admin, round, DateTimeOffset.UtcNow.AddDays(7));

        var load = new SurveyLoad(() => gateway.CreateAdminClient(), round, institutions, Records,
            new SurveyLoadOptions { Clients = 8, WritesPerSecond = 200 });
        var restartedSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The last 40% of the writes wait for the database to be back: they are sent after the restart.
        load.HoldWritesBeyond(load.PlannedWrites * 60 / 100, restartedSignal.Task);
        var running = load.RunAsync();

        TimeSpan downAt, upAt;
        try
        {
            await load.UntilAcknowledgedAsync(load.PlannedWrites * 25 / 100, running);
            downAt = load.Elapsed;
            await fixture.Database.StopAsync();
            var stopped = load.Elapsed;
            await Task.Delay(Downtime);
            await fixture.Database.StartServerAsync();
            upAt = load.Elapsed;
            restartedSignal.SetResult();
            figures.Add("PostgreSQL fast shutdown took", stopped - downAt);
            figures.Add("PostgreSQL down for (stop requested to started again)", upAt - downAt);
            await running;
        }
        finally
        {
            restartedSignal.TrySetResult();
            if (!fixture.Database.IsRunning)
            {
                await fixture.Database.StartServerAsync();
            }
        }

        var timeline = new LoadTimeline(load);
        figures.Add("clients, pace", "8 clients, first attempts paced at 200 writes/s");
        figures.Add("load duration", load.Elapsed);
        figures.Add("attempts", timeline.Attempts);
        figures.Add("writes retried", timeline.Retried);
        figures.Add("answers", timeline.StatusCounts);
        figures.Add("503 answers while the database was down", timeline.FailuresBetween(downAt, upAt).Count(a => a.Status == 503));
        figures.Add("first write acknowledged after the database started", timeline.FirstSuccessAfter(upAt));
        figures.Add("failed attempts after it was back", timeline.FailuresBetween(upAt, TimeSpan.MaxValue).Count);
        figures.Add("time to recover (database started to last failed answer)", timeline.RecoveredAfter(upAt, TimeSpan.MaxValue));
        figures.Add("writes acknowledged after the restart", timeline.AcknowledgedBetween(upAt, TimeSpan.MaxValue));
        figures.Add("slowest write (first attempt to acknowledgement)", timeline.SlowestWrite);

        var verdict = await SurveyLoadCheck.VerifyAsync(load, fixture.Database.CheckConnectionString, admin);
        verdict.Report(figures);

        Assert.True(timeline.ServerErrors.Count == 0, "no 5xx other than 503: " + string.Join("; ", timeline.ServerErrors.Take(5).Select(a => $"{a.Status} {a.Failure}")));
        Assert.True(timeline.ClientErrors.Count == 0, "no 4xx: " + string.Join("; ", timeline.ClientErrors.Take(5).Select(a => $"{a.Status} {a.Failure}")));
        Assert.True(timeline.FailuresBetween(downAt, upAt).Any(a => a.Status == 503), "clients should have seen 503 while the database was down");
        Assert.True(timeline.FailuresBetween(TimeSpan.Zero, TimeSpan.MaxValue).All(a => a.Status == 503),
            "every failed attempt should be a 503 (no 500, no timeout, no broken connection): " + timeline.StatusCounts);
        Assert.Equal(0, timeline.ServiceUnavailableWithoutRetryAfter);
        Assert.Equal(verdict.Planned, verdict.Sent);
        Assert.True(verdict.Lost == 0 && verdict.StaleRecords == 0 && verdict.WrongAcknowledgements == 0, verdict.FirstProblems);
        Assert.True(verdict.Duplicates == 0, verdict.FirstProblems);
        Assert.Equal(0, verdict.GaveUp);
        Assert.Equal(verdict.Acknowledged, verdict.Found);
        Assert.True(timeline.AcknowledgedBetween(upAt, TimeSpan.MaxValue) > 0, "writes should be acknowledged after the restart");
        using var ready = await admin.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
