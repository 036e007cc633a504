using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Census.Integration.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Census.Integration.Tests;

/// <summary>
/// Issue 5, fault test (d): every silo and the gateway stop (SIGTERM), an open round's deadline passes
/// while nothing runs, and the cluster starts again on the same database.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FullClusterRestartFaultTests(ITestOutputHelper output)
{
    /// <summary>How far ahead the due round's deadline lies when it opens: enough to snapshot and stop everything first.</summary>
    private static readonly TimeSpan DueIn = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Everything_is_back_after_a_full_stop_and_a_deadline_that_passed_meanwhile_closes_its_round_at_start()
    {
        var figures = new FaultFigures(output, nameof(FullClusterRestartFaultTests));
        await using var database = await TestPostgres.CreateAsync();
        var pooled = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = true, MaxPoolSize = 20 }.ToString();
        var clock = Stopwatch.StartNew();
        await using var cluster = await SiloCluster.StartAsync(pooled, database.ConnectionString, silos: 2);
        figures.Add("cluster start (2 silos + gateway)", clock.Elapsed);
        using var admin = cluster.Gateway!.CreateAdminClient();

        // Institutions, an agency key that works and one that was revoked.
        var institutions = await FaultScenario.InstitutionsAsync(admin, 3, "full");
        var liveKey = await IssueKeyAsync(admin, institutions[0]);
        var revokedKey = await IssueKeyAsync(admin, institutions[1]);
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.DeleteAsync($"/api/v1/institutions/{institutions[1]}/api-keys/{revokedKey.KeyId}")).StatusCode);

        // A round ranked after it closed, and finalized with the run's selection.
        const string ranked = "full-ranked";
        await FaultScenario.OpenRoundAsync(admin, ranked, DateTimeOffset.UtcNow.AddDays(7), quota: 5);
        var rankedRecords = await WriteRecordsAsync(admin, ranked, institutions, perInstitution: 4);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/rounds/{ranked}/close", null)).StatusCode);
        var started = await admin.PostAsync($"/api/v1/rounds/{ranked}/rankings", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runPath = started.Headers.Location!.OriginalString;
        var run = await Eventually.Succeeds(() => admin.GetStringAsync(runPath), r => JsonNode.Parse(r)!["state"]!.GetValue<string>() != "running",
            TimeSpan.FromSeconds(60), "the ranking run completing");
        Assert.Equal("completed", JsonNode.Parse(run)!["state"]!.GetValue<string>());
        Assert.Equal(5, JsonNode.Parse(run)!["selection"]!.AsArray().Count);
        var finalized = await admin.PostAsJsonAsync($"/api/v1/rounds/{ranked}/selection", new { runId = JsonNode.Parse(run)!["runId"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.OK, finalized.StatusCode);

        // A round that stays open with a deadline far ahead: its deadline reminder must survive as it is.
        const string later = "full-later";
        await FaultScenario.OpenRoundAsync(admin, later, DateTimeOffset.UtcNow.AddDays(1));
        var laterRecords = await WriteRecordsAsync(admin, later, institutions, perInstitution: 1);

        // The round whose deadline will pass while the cluster is down.
        const string due = "full-due";
        var dueDeadline = DateTimeOffset.UtcNow + DueIn;
        await FaultScenario.OpenRoundAsync(admin, due, dueDeadline);
        var dueRecords = await WriteRecordsAsync(admin, due, institutions, perInstitution: 2);

        // What must come back: everything as the API shows it, and the reminder table.
        var before = await SnapshotAsync(admin, [ranked, later, due], [.. rankedRecords, .. laterRecords, .. dueRecords], runPath, ranked);
        var remindersBefore = await RemindersAsync(database);
        Assert.Contains(remindersBefore, r => r.GrainId.EndsWith(due, StringComparison.Ordinal) && r.Name == "deadline");
        Assert.Contains(remindersBefore, r => r.GrainId.EndsWith(later, StringComparison.Ordinal) && r.Name == "deadline");

        // Stop everything: the gateway, then SIGTERM to every silo at once.
        clock.Restart();
        await cluster.StopGatewayAsync();
        var exits = await cluster.TerminateAllAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        figures.Add("full stop (gateway, then SIGTERM to both silos) took", clock.Elapsed);
        figures.Add("silo exits", string.Join("; ", exits));
        Assert.All(exits, e => Assert.True(e.Graceful && e.Took < SiloCluster.SiloShutdownTimeout, $"SIGTERM should stop a silo with exit code 0: {e}"));
        Assert.True(stoppedAt < dueDeadline,
            $"the cluster must be down before the due round's deadline ({dueDeadline:O}); it stopped at {stoppedAt:O} — raise {nameof(DueIn)}");
        Assert.Equal(0, await cluster.CountSilosAsync(status: 3));
        Assert.Equal(remindersBefore, await RemindersAsync(database));

        // Nothing runs while the deadline passes.
        var wait = dueDeadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        figures.Add("cluster down for", DateTimeOffset.UtcNow - stoppedAt);

        // Start again. The round is not touched through the API until its stored state says closed:
        // what closes it must be the silos' own start-up (the startup task, or its reminder).
        clock.Restart();
        await cluster.StartAllAgainAsync();
        var silosActive = clock.Elapsed;
        var closedAfter = await Eventually.Succeeds(
            async () => (State: await StoredRoundStateAsync(database, due), clock.Elapsed),
            s => s.State == "closed", TimeSpan.FromSeconds(120), "the overdue round closing after the restart");
        figures.Add("restart: both silos active after", silosActive);
        figures.Add("restart: overdue round closed (stored state) after silo start", closedAfter.Elapsed);
        figures.Add("restart: overdue round closed after the silos were active", closedAfter.Elapsed - silosActive);
        await cluster.StartGatewayAsync();
        figures.Add("restart: gateway ready after", clock.Elapsed);

        using var adminAgain = cluster.Gateway!.CreateAdminClient();
        var after = await SnapshotAsync(adminAgain, [ranked, later, due], [.. rankedRecords, .. laterRecords, .. dueRecords], runPath, ranked);

        // The overdue round closed by itself, at or after its deadline; nothing else about it changed.
        var dueAfter = JsonNode.Parse(after[$"round {due}"])!;
        Assert.Equal("closed", dueAfter["state"]!.GetValue<string>());
        Assert.True(dueAfter["closedAt"]!.GetValue<DateTimeOffset>() >= dueDeadline, "the round closed before its deadline");
        Assert.Equal("system:deadline", await StoredCloserAsync(database, due));
        var dueBefore = JsonNode.Parse(before[$"round {due}"])!.AsObject();
        dueBefore["state"] = "closed";
        dueBefore["closedAt"] = dueAfter["closedAt"]!.DeepClone();
        before[$"round {due}"] = dueBefore.ToJsonString();

        // Everything else is exactly as before: institutions, rounds, records with revisions, the run and the selection.
        foreach (var (what, json) in before)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(after[what])), $"{what} changed:\nbefore {json}\nafter  {after[what]}");
        }

        figures.Add("resources compared before/after", before.Count);

        // Keys: the live one still works, the revoked one is still refused.
        using var agency = cluster.Gateway.CreateClient();
        agency.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", liveKey.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync($"/api/v1/institutions/{institutions[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync($"/api/v1/rounds/{due}/institutions/{institutions[0]}/datasets/{dueRecords[0].Split('/')[^1]}")).StatusCode);
        using var revoked = cluster.Gateway.CreateClient();
        revoked.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", revokedKey.ApiKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync($"/api/v1/institutions/{institutions[1]}")).StatusCode);

        // Reminders: the open round's still fires at its deadline (waking it at start-up re-registers it,
        // so its start time is recomputed, to the same instant give or take the clock's rounding); the
        // closed round's was removed when it closed.
        var remindersAfter = await RemindersAsync(database);
        var laterBefore = Assert.Single(remindersBefore, r => r.GrainId.EndsWith(later, StringComparison.Ordinal) && r.Name == "deadline");
        var laterAfter = Assert.Single(remindersAfter, r => r.GrainId.EndsWith(later, StringComparison.Ordinal) && r.Name == "deadline");
        Assert.Equal(laterBefore.Period, laterAfter.Period);
        Assert.True((laterAfter.StartTime - laterBefore.StartTime).Duration() < TimeSpan.FromSeconds(1),
            $"the open round's deadline reminder moved: {laterBefore} → {laterAfter}");
        Assert.DoesNotContain(remindersAfter, r => r.GrainId.EndsWith(due, StringComparison.Ordinal) && r.Name == "deadline");
        figures.Add("reminder rows before stop / after stop / after restart and close",
            $"{remindersBefore.Count} / {remindersBefore.Count} / {remindersAfter.Count}");
    }

    private static async Task<(string KeyId, string ApiKey)> IssueKeyAsync(HttpClient admin, string institution)
    {
        var issued = await admin.PostAsync($"/api/v1/institutions/{institution}/api-keys", null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        using var key = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        return (key.RootElement.GetProperty("keyId").GetString()!, key.RootElement.GetProperty("apiKey").GetString()!);
    }

    /// <summary>Writes records (every second one updated once more, so it is at revision 2); returns their paths.</summary>
    private static async Task<List<string>> WriteRecordsAsync(HttpClient admin, string round, IReadOnlyList<string> institutions, int perInstitution)
    {
        var paths = new List<string>();
        var template = JsonNode.Parse(SurveyWritesOnPostgresTests.Record)!.AsObject();
        foreach (var institution in institutions)
        {
            for (var i = 0; i < perInstitution; i++)
            {
                var path = $"/api/v1/rounds/{round}/institutions/{institution}/datasets/{round}-{i}";
                var record = template.DeepClone().AsObject();
                record["title"] = $"{round} {institution} {i}";
                record["volume"] = new JsonObject { ["records"] = 1000 * (i + 1) };
                Assert.Equal(HttpStatusCode.Created,
                    (await admin.PutAsync(path, new StringContent(record.ToJsonString(), Encoding.UTF8, "application/json"))).StatusCode);
                if (i % 2 == 1)
                {
                    record["title"] = $"{round} {institution} {i} (updated)";
                    using var update = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(record.ToJsonString(), Encoding.UTF8, "application/json") };
                    update.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                    Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(update)).StatusCode);
                }

                paths.Add(path);
            }
        }

        return paths;
    }

    /// <summary>Every resource the test checks, as the API returns it (with the ETag of each record).</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(
        HttpClient admin, string[] rounds, List<string> records, string runPath, string finalizedRound)
    {
        var snapshot = new Dictionary<string, string>
        {
            ["institutions"] = await admin.GetStringAsync("/api/v1/institutions?pageSize=500"),
            ["run"] = await admin.GetStringAsync(runPath),
            ["selection"] = await admin.GetStringAsync($"/api/v1/rounds/{finalizedRound}/selection"),
        };
        foreach (var round in rounds)
        {
            snapshot[$"round {round}"] = await admin.GetStringAsync($"/api/v1/rounds/{round}");
        }

        foreach (var path in records)
        {
            using var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            snapshot[path] = await response.Content.ReadAsStringAsync();
            snapshot[path + " etag"] = JsonSerializer.Serialize(response.Headers.ETag?.Tag);
        }

        return snapshot;
    }

    private sealed record ReminderRow(string GrainId, string Name, DateTime StartTime, long Period, int Version);

    /// <summary>The reminder table, every row and column the reminder service reads.</summary>
    private static async Task<List<ReminderRow>> RemindersAsync(TestPostgres database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT grain_id, reminder_name, start_time, period, version FROM orleans_reminders ORDER BY grain_id, reminder_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<ReminderRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new ReminderRow(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2), reader.GetInt64(3), reader.GetInt32(4)));
        }

        return rows;
    }

    private static async Task<JsonNode?> StoredRoundAsync(TestPostgres database, string round)
    {
        var payload = await database.ScalarAsync<string>(
            "SELECT convert_from(payload_binary, 'UTF8') FROM orleans_storage " +
            $"WHERE grain_type_string = 'round' AND grain_id_extension_string = '{round}'");
        return payload is null ? null : JsonNode.Parse(payload);
    }

    private static async Task<string?> StoredRoundStateAsync(TestPostgres database, string round) =>
        (await StoredRoundAsync(database, round))?["state"]?.GetValue<string>();

    /// <summary>Who closed the round, from its stored audit trail.</summary>
    private static async Task<string?> StoredCloserAsync(TestPostgres database, string round) =>
        (await StoredRoundAsync(database, round))?["audit"]?.AsArray()
            .LastOrDefault(a => a!["action"]!.GetValue<string>() == "closed")?["actor"]?.GetValue<string>();
}
