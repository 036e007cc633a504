using System.Diagnostics;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Census.Integration.Tests;

/// <summary>
/// Issue 5, fault test (a): survey writes from concurrent clients while one silo of three is restarted
/// gracefully (SIGTERM, then started again) and another is killed (SIGKILL).
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class SiloCrashFaultTests(ITestOutputHelper output)
{
    private const int Records = 2520; // 1 + (i mod 3) writes each: 5,040 distinct writes

    [Fact]
    public async Task Writes_acknowledged_while_one_silo_restarts_and_another_is_killed_are_all_stored_once()
    {
        var figures = new FaultFigures(output, nameof(SiloCrashFaultTests));
        await using var database = await TestPostgres.CreateAsync();
        // The silos pool their connections, as in production (the test's own checks do not), with a
        // pool small enough that three silos stay well inside the shared server's max_connections.
        var pooled = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = true, MaxPoolSize = 20 }.ToString();
        var started = Stopwatch.StartNew();
        await using var cluster = await SiloCluster.StartAsync(pooled, database.ConnectionString, silos: 3);
        figures.Add("cluster start (3 silos + gateway)", started.Elapsed);

        using var admin = cluster.Gateway!.CreateAdminClient();
        var institutions = await FaultScenario.InstitutionsAsync(admin, 8, "crash");
        const string round = "crash-round";
        await FaultScenario.OpenRoundAsync(admin, round, DateTimeOffset.UtcNow.AddDays(7));

        var load = new SurveyLoad(() => cluster.Gateway!.CreateAdminClient(), round, institutions, Records,
            new SurveyLoadOptions { Clients = 8, WritesPerSecond = 200 });
        // Fault schedule, by acknowledged writes: SIGTERM at 15%, started again; SIGKILL at 50%, once
        // the restarted silo is back. Writes beyond 35% wait for the restart and beyond 65% for the
        // kill, so each phase has load on it however fast or slow the machine is.
        var restartedSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killedSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        load.HoldWritesBeyond(load.PlannedWrites * 35 / 100, restartedSignal.Task);
        load.HoldWritesBeyond(load.PlannedWrites * 65 / 100, killedSignal.Task);
        var running = load.RunAsync();

        SiloExit exit;
        TimeSpan terminatedAt, restartedAt, killedAt, restartTook;
        TimeSpan? declaredDeadAfter = null;
        try
        {
            // A graceful restart of the busiest silo, once the load is well under way.
            await load.UntilAcknowledgedAsync(load.PlannedWrites * 15 / 100, running);
            var restarted = await BusiestSiloAsync(cluster, except: -1, figures);
            terminatedAt = load.Elapsed;
            exit = await cluster.TerminateAsync(restarted);
            figures.Add("SIGTERM: silo", $"port {cluster.Silos[restarted].SiloPort}, {exit}");
            restartTook = await cluster.StartAgainAsync(restarted);
            restartedAt = load.Elapsed;
            restartedSignal.SetResult();
            figures.Add("restart: started again and active after", restartTook);

            // Then SIGKILL the busiest of the other two.
            await load.UntilAcknowledgedAsync(load.PlannedWrites * 50 / 100, running);
            var victim = await BusiestSiloAsync(cluster, except: restarted, figures);
            killedAt = load.Elapsed;
            cluster.Silos[victim].Kill();
            killedSignal.SetResult();
            figures.Add("SIGKILL: silo", $"port {cluster.Silos[victim].SiloPort} at {killedAt.TotalSeconds:0.0} s into the load");

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (DateTime.UtcNow < deadline && declaredDeadAfter is null)
            {
                if (await cluster.CountSilosAsync(status: 6, port: cluster.Silos[victim].SiloPort) > 0)
                {
                    declaredDeadAfter = load.Elapsed - killedAt;
                }
                else
                {
                    await Task.Delay(250);
                }
            }

            await running;
        }
        finally
        {
            // Never leave clients waiting on a fault that did not happen.
            restartedSignal.TrySetResult();
            killedSignal.TrySetResult();
        }

        var timeline = new LoadTimeline(load);
        figures.Add("clients, pace", "8 clients, first attempts paced at 200 writes/s");
        figures.Add("load duration", load.Elapsed);
        figures.Add("attempts", timeline.Attempts);
        figures.Add("writes retried", timeline.Retried);
        figures.Add("answers", timeline.StatusCounts);
        figures.Add("SIGTERM: failed attempts until the kill", timeline.FailuresBetween(terminatedAt, killedAt).Count);
        figures.Add("SIGTERM: time to recover (fault to last failed answer)", timeline.RecoveredAfter(terminatedAt, killedAt));
        figures.Add("restart: writes acknowledged between restart and kill", timeline.AcknowledgedBetween(restartedAt, killedAt));
        figures.Add("SIGKILL: failed attempts after the kill", timeline.FailuresBetween(killedAt, TimeSpan.MaxValue).Count);
        figures.Add("SIGKILL: time to recover (fault to last failed answer)", timeline.RecoveredAfter(killedAt, TimeSpan.MaxValue));
        figures.Add("SIGKILL: membership declared the silo dead after", declaredDeadAfter);
        figures.Add("SIGKILL: writes acknowledged after the kill", timeline.AcknowledgedBetween(killedAt, TimeSpan.MaxValue));
        figures.Add("slowest write (first attempt to acknowledgement)", timeline.SlowestWrite);

        var verdict = await SurveyLoadCheck.VerifyAsync(load, database.ConnectionString, admin);
        verdict.Report(figures);

        Assert.True(exit.Graceful, $"SIGTERM should stop the silo with exit code 0 within {SiloCluster.SiloShutdownTimeout.TotalSeconds:0} s: {exit}");
        Assert.True(exit.Took < SiloCluster.SiloShutdownTimeout, $"the silo should exit within its shutdown timeout: {exit}");
        Assert.True(timeline.AcknowledgedBetween(restartedAt, killedAt) > 0, "writes should be acknowledged between the restart and the kill");
        Assert.True(verdict.Planned >= 5000, "the load should send at least 5,000 distinct writes");
        Assert.Equal(verdict.Planned, verdict.Sent);
        Assert.True(timeline.ServerErrors.Count == 0, "no 5xx other than 503: " + string.Join("; ", timeline.ServerErrors.Take(5).Select(a => $"{a.Status} {a.Failure}")));
        Assert.True(timeline.ClientErrors.Count == 0, "no 4xx: " + string.Join("; ", timeline.ClientErrors.Take(5).Select(a => $"{a.Status} {a.Failure}")));
        Assert.Equal(0, timeline.ServiceUnavailableWithoutRetryAfter);
        Assert.True(verdict.Lost == 0 && verdict.StaleRecords == 0 && verdict.WrongAcknowledgements == 0, verdict.FirstProblems);
        Assert.True(verdict.Duplicates == 0, verdict.FirstProblems);
        Assert.Equal(0, verdict.GaveUp);
        Assert.Equal(verdict.Acknowledged, verdict.Found);
        Assert.True(timeline.AcknowledgedBetween(killedAt, TimeSpan.MaxValue) > 0, "writes should be acknowledged after the kill");
        Assert.NotNull(declaredDeadAfter);
    }

    /// <summary>The silo (index) hosting the most activations, leaving out <paramref name="except"/>.</summary>
    private static async Task<int> BusiestSiloAsync(SiloCluster cluster, int except, FaultFigures figures)
    {
        var grains = cluster.Gateway!.Services.GetRequiredService<IGrainFactory>();
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var perPort = statistics.GroupBy(s => s.SiloAddress.Endpoint.Port).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
        figures.Add("activations per silo", string.Join(", ", cluster.Silos.Select(s => $"{s.SiloPort}: {perPort.GetValueOrDefault(s.SiloPort)}")));
        return Enumerable.Range(0, cluster.Silos.Count)
            .Where(i => i != except)
            .OrderByDescending(i => perPort.GetValueOrDefault(cluster.Silos[i].SiloPort))
            .First();
    }
}
