using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Census.Contracts.Access;
using Census.Contracts.Common;
using Census.Contracts.Ledger;
using Census.Grains.Access;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Census.Integration.Tests;

/// <summary>
/// Issue 14, fault test: grants whose period ends while every silo and the gateway are stopped expire when the cluster
/// starts again on the same database — recorded on the dataset's ledger once each, although both silos' start-up tasks
/// wake every live grant — and a grant whose period has not ended stays live.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class GrantExpiryRestartTests(ITestOutputHelper output)
{
    /// <summary>How long the short grants run from their issue: enough to issue them and stop everything first.</summary>
    private static readonly TimeSpan ShortFor = TimeSpan.FromSeconds(20);

    private const string Institution = "inst-expiry";
    private const string Dataset = "ds-expiry";
    private const string LedgerPath = $"/api/v1/institutions/{Institution}/datasets/{Dataset}/ledger";

    [Fact]
    public async Task Grants_due_while_the_whole_cluster_is_stopped_expire_at_start_once_on_the_ledger()
    {
        var figures = new FaultFigures(output, nameof(GrantExpiryRestartTests));
        await using var database = await TestPostgres.CreateAsync();
        var pooled = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = true, MaxPoolSize = 20 }.ToString();
        var clock = Stopwatch.StartNew();
        await using var cluster = await SiloCluster.StartAsync(pooled, database.ConnectionString, silos: 2);
        figures.Add("cluster start (2 silos + gateway)", clock.Elapsed);

        // Three grants end soon after they are issued, one a month later.
        var grains = cluster.Gateway!.Services.GetRequiredService<IGrainFactory>();
        var now = DateTimeOffset.UtcNow;
        var shortUntil = now + ShortFor;
        string[] shortGrants = ["gr-expiry-short-1", "gr-expiry-short-2", "gr-expiry-short-3"];
        const string longGrant = "gr-expiry-long";
        foreach (var id in shortGrants)
        {
            await grains.GetGrain<IGrantGrain>(id).Issue(Download(id, now, shortUntil));
        }

        await grains.GetGrain<IGrantGrain>(longGrant).Issue(Download(longGrant, now, now.AddDays(30)));
        string[] allGrants = [.. shortGrants, longGrant];

        // The ledger and the board are told through the grants' outboxes, after the issue returned.
        using (var admin = cluster.Gateway.CreateAdminClient())
        {
            await Eventually.Succeeds(() => EntriesAsync(admin), e => e.Count(x => x.Kind == LedgerEventKinds.GrantIssued) == allGrants.Length,
                TimeSpan.FromSeconds(30), "the four grant-issued entries on the ledger");
        }

        await Eventually.Succeeds(() => grains.GetGrain<IAccessBoardGrain>(IAccessBoardGrain.Key).LiveGrants(),
            live => allGrants.All(live.Contains), TimeSpan.FromSeconds(30), "the board listing the four grants as live");
        var remindersBefore = await ExpiryRemindersAsync(database);
        Assert.All(allGrants, id => Assert.Contains(remindersBefore, r => r.EndsWith(id, StringComparison.Ordinal)));

        // Stop everything before the short grants' period ends, and let it end while nothing runs.
        clock.Restart();
        await cluster.StopGatewayAsync();
        var exits = await cluster.TerminateAllAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        figures.Add("full stop (gateway, then SIGTERM to both silos) took", clock.Elapsed);
        Assert.All(exits, e => Assert.True(e.Graceful, $"SIGTERM should stop a silo with exit code 0: {e}"));
        Assert.True(stoppedAt < shortUntil,
            $"the cluster must be down before the short grants end ({shortUntil:O}); it stopped at {stoppedAt:O} — raise {nameof(ShortFor)}");
        Assert.Equal(0, await ExpiredOnLedgerAsync(database));

        var wait = shortUntil - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        figures.Add("cluster down for", DateTimeOffset.UtcNow - stoppedAt);
        figures.Add("down after the short grants ended", DateTimeOffset.UtcNow - shortUntil);

        // Start the silos only: nothing outside them calls a grant until the ledger holds the expiries.
        clock.Restart();
        await cluster.StartAllAgainAsync();
        var silosActive = clock.Elapsed;
        var expired = await Eventually.Succeeds(async () => (Count: await ExpiredOnLedgerAsync(database), clock.Elapsed),
            e => e.Count >= shortGrants.Length, TimeSpan.FromSeconds(90), "the three grant-expired entries after the restart");
        figures.Add("restart: both silos active after", silosActive);
        figures.Add("restart: last of the 3 expiries on the ledger after silo start", expired.Elapsed);
        figures.Add("restart: last expiry after the silos were active", expired.Elapsed - silosActive);

        await cluster.StartGatewayAsync();
        grains = cluster.Gateway!.Services.GetRequiredService<IGrainFactory>();
        using var adminAgain = cluster.Gateway.CreateAdminClient();

        // Each short grant is expired by the system at its end and owes nothing more, so no further entry can come.
        foreach (var id in shortGrants)
        {
            var grant = await grains.GetGrain<IGrantGrain>(id).Get();
            Assert.Equal(GrantStatus.Expired, grant!.Status);
            Assert.Equal(GrantGrain.ExpiryActor, grant.EndedBy);
            Assert.Equal(shortUntil, grant.EndedAt);
            Assert.Empty((await StoredGrantAsync(database, id))!["owed"]!.AsArray());
        }

        var longAfter = await grains.GetGrain<IGrantGrain>(longGrant).Get();
        Assert.Equal(GrantStatus.Live, longAfter!.Status);
        Assert.Null(longAfter.EndedAt);

        var entries = await EntriesAsync(adminAgain);
        var expiries = entries.Where(e => e.Kind == LedgerEventKinds.GrantExpired).Select(e => e.EventId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(shortGrants.Select(id => $"{LedgerEventKinds.GrantExpired}:{id}"), expiries);
        Assert.Equal(allGrants.Length + shortGrants.Length, entries.Count);
        figures.Add("ledger entries (grant-issued + grant-expired)", $"{entries.Count(e => e.Kind == LedgerEventKinds.GrantIssued)} + {expiries.Count}");

        using var verify = await adminAgain.PostAsync($"{LedgerPath}/verify", content: null);
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        var verdict = JsonNode.Parse(await verify.Content.ReadAsStringAsync())!;
        Assert.True(verdict["ok"]!.GetValue<bool>(), $"the ledger does not verify: {verdict.ToJsonString()}");

        // The expired grants' reminders are gone; the live grant's stays.
        var remindersAfter = await ExpiryRemindersAsync(database);
        Assert.Contains(remindersAfter, r => r.EndsWith(longGrant, StringComparison.Ordinal));
        Assert.All(shortGrants, id => Assert.DoesNotContain(remindersAfter, r => r.EndsWith(id, StringComparison.Ordinal)));
        figures.Add("expiry reminders before stop / after restart", $"{remindersBefore.Count} / {remindersAfter.Count}");
    }

    private static Grant Download(string id, DateTimeOffset now, DateTimeOffset until) =>
        new(id, Institution, Dataset, "1.0", GrantKind.Download, "req-expiry", "org-expiry", null, null,
            now.AddMinutes(-1), until, GrantStatus.Live, now, "admin", null, null, null)
        {
            OrganisationKind = OrganisationKind.University,
        };

    private static async Task<List<LedgerEntry>> EntriesAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<Page<LedgerEntry>>($"{LedgerPath}?page=1&pageSize=100"))!.Items.ToList();

    private static async Task<long> ExpiredOnLedgerAsync(TestPostgres database) =>
        await database.ScalarAsync<long>(
            $"SELECT count(*) FROM provision_ledger WHERE dataset_key = '{Institution}/{Dataset}' AND kind = '{LedgerEventKinds.GrantExpired}'");

    private static async Task<JsonNode?> StoredGrantAsync(TestPostgres database, string id)
    {
        var payload = await database.ScalarAsync<string>(
            $"SELECT convert_from(payload_binary, 'UTF8') FROM orleans_storage WHERE grain_type_string = 'grant' AND grain_id_extension_string = '{id}'");
        return payload is null ? null : JsonNode.Parse(payload);
    }

    /// <summary>The grain ids of the stored expiry reminders.</summary>
    private static async Task<List<string>> ExpiryRemindersAsync(TestPostgres database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT grain_id FROM orleans_reminders WHERE reminder_name = 'expiry' ORDER BY grain_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
