using System.Globalization;
using Census.Contracts.Ledger;
using Census.Grains.Ledger;
using Census.Grains.Storage;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Integration.Tests.Ledger;

/// <summary>
/// Issue 14's tamper test: entries appended through the ledger grain on a cluster of two silo processes over
/// PostgreSQL, then one row edited behind the product's back with SQL: verify (the route, and the grain) answers
/// ok=false at exactly that entry. The same on the local-mode SQLite store, edited with Microsoft.Data.Sqlite.
/// </summary>
public sealed class LedgerTamperTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>, IAsyncLifetime
{
    private readonly string _sqliteDirectory = Path.Combine(Path.GetTempPath(), "census-ledger-it-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteDirectory))
        {
            Directory.Delete(_sqliteDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static LedgerEvent Downloaded(int n) => new(
        $"download-completed:d-{n}", LedgerEventKinds.DownloadCompleted, new DateTimeOffset(2026, 3, n, 9, 0, 0, TimeSpan.Zero), "req-1",
        new Dictionary<string, string>
        {
            ["grant"] = "g-1", ["requester"] = "req-1", ["organisation"] = "org-1", ["organisationKind"] = "university", ["version"] = "1.0",
            ["path"] = "data.csv", ["bytes"] = (1000 * n).ToString(CultureInfo.InvariantCulture), ["download"] = $"d-{n}",
        });

    [Fact]
    public async Task A_row_edited_in_PostgreSQL_behind_the_cluster_is_found_by_verify_at_its_index()
    {
        var institution = "inst-" + Guid.NewGuid().ToString("N")[..8];
        var key = $"{institution}/ds-1";
        var ledger = cluster.Gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<ILedgerGrain>(key);
        for (var n = 1; n <= 5; n++)
        {
            await ledger.Append(Downloaded(n));
        }

        Assert.True((await ledger.Verify()).Ok);

        await cluster.Database.ExecuteAsync(
            $"UPDATE provision_ledger SET event = replace(event, '\"bytes\":\"3000\"', '\"bytes\":\"3\"') WHERE dataset_key = '{key}' AND idx = 3");

        using var admin = cluster.Gateway.CreateAdminClient();
        using var response = await admin.PostAsync($"/api/v1/institutions/{institution}/datasets/ds-1/ledger/verify", content: null);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var verdict = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(verdict.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(3, verdict.RootElement.GetProperty("firstBrokenIndex").GetInt64());
        Assert.Equal("hash mismatch", verdict.RootElement.GetProperty("reason").GetString());
        Assert.Equal(5, verdict.RootElement.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task A_row_edited_in_the_local_SQLite_file_is_found_by_verify_at_its_index()
    {
        var path = Path.Combine(_sqliteDirectory, "census.db");
        var store = new SqliteLedgerStore(new LocalStore(path));
        const string key = "inst-local/ds-1";
        LedgerEntry? head = null;
        for (var n = 1; n <= 5; n++)
        {
            head = Census.Domain.Ledger.LedgerChain.Append(head, Downloaded(n));
            Assert.True(await store.InsertAsync(key, "inst-local", head));
        }

        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE provision_ledger SET event = replace(event, '\"bytes\":\"3000\"', '\"bytes\":\"3\"') WHERE dataset_key = $key AND idx = 3";
            command.Parameters.AddWithValue("$key", key);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var verdict = Census.Domain.Ledger.LedgerChain.Verify(await store.AfterAsync(key, 0, 100));

        Assert.False(verdict.Ok);
        Assert.Equal(3, verdict.FirstBrokenIndex);
        Assert.Equal("hash mismatch", verdict.Reason);
    }

    [Fact]
    public async Task Usage_and_settlement_read_from_PostgreSQL_with_SQL()
    {
        var institution = "inst-" + Guid.NewGuid().ToString("N")[..8];
        var grains = cluster.Gateway.Services.GetRequiredService<IGrainFactory>();
        var ledger = grains.GetGrain<ILedgerGrain>($"{institution}/ds-1");
        await ledger.Append(Downloaded(1));
        await ledger.Append(Downloaded(2));
        await ledger.Append(new LedgerEvent("transaction:t-1", LedgerEventKinds.Transaction, new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), "req-1",
            new Dictionary<string, string>
            {
                ["transaction"] = "t-1", ["grant"] = "g-1", ["requester"] = "req-1", ["organisation"] = "org-1", ["organisationKind"] = "company",
                ["version"] = "1.0", ["pricing"] = "flat", ["priceKrw"] = "50000", ["quantity"] = "1", ["totalKrw"] = "50000",
            }));

        var usage = await grains.GetGrain<ILedgerFiguresGrain>(0).Usage(institution, "ds-1", "2026-03", "2026-03");
        var statement = await grains.GetGrain<ILedgerFiguresGrain>(0).Settlement(institution, "2026-03");

        Assert.Equal(new UsageFigures(2, 3000, 1, 1), Assert.Single(usage.Months).Total);
        Assert.Equal(50000, statement.TotalKrw);
        Assert.Equal("t-1", Assert.Single(Assert.Single(statement.Datasets).Lines).Transaction);
    }
}
