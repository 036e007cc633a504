using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Census.Contracts.Imports;
using Census.Grains.Imports;
using Census.Grains.Storage;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Census.Integration.Tests;

/// <summary>
/// Imports on PostgreSQL: the import store's SQL on both engines (PostgreSQL, and SQLite for local mode), and whole
/// imports through a gateway to two silo processes (ImportSiloCrashTests kills one while an import runs on it).
/// </summary>
public sealed class ImportsOnPostgresTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>, IAsyncLifetime
{
    private readonly string _sqliteDirectory = Path.Combine(Path.GetTempPath(), "census-import-store-" + Guid.NewGuid().ToString("N")[..8]);
    private NpgsqlDataSource _dataSource = null!;

    public Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(cluster.Database.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteDirectory))
        {
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
    }

    private IImportStore Store(string engine) => engine == "postgres"
        ? new PostgresImportStore(_dataSource)
        : new SqliteImportStore(new LocalStore(Path.Combine(_sqliteDirectory, "census.db")));

    private static readonly Census.Contracts.Surveys.SurveyRecord Record = new() { Title = "하천 수위 관측", Formats = ["csv"] };

    private static ImportRow Row(int row, string? datasetId, params ImportError[] errors) =>
        new(row, datasetId, ImportRowAction.Upsert, errors.Length == 0 ? Record : null, errors);

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Staged_rows_read_back_by_row_and_a_datasetId_twice_makes_both_rows_invalid(string engine)
    {
        var store = Store(engine);
        var importId = Guid.NewGuid().ToString("N");
        await store.AddRowsAsync(importId, [Row(2, "a"), Row(3, "b"), Row(4, null, new ImportError(4, null, "datasetId", "is required."))]);
        await store.AddRowsAsync(importId, [Row(5, "a"), Row(6, "c")]);

        await store.MarkDuplicatesAsync(importId);

        Assert.Equal((5, 3), await store.CountRowsAsync(importId));
        var firstPage = await store.ReadRowsAsync(importId, afterRow: 0, limit: 3);
        Assert.Equal([2, 3, 4], firstPage.Select(r => r.Row));
        Assert.Equal([false, true, false], firstPage.Select(r => r.Valid));
        Assert.Equal((Record.Title, "csv"), (firstPage[1].Record!.Title, Assert.Single(firstPage[1].Record!.Formats!)));
        var rest = await store.ReadRowsAsync(importId, afterRow: 4, limit: 3);
        Assert.Equal([(5, "a", false), (6, "c", true)], rest.Select(r => (r.Row, r.DatasetId, r.Valid)));
        var (errors, total) = await store.ReadErrorsAsync(importId, page: 1, pageSize: 10);
        Assert.Equal(3, total);
        Assert.Equal([(2, "datasetId"), (4, "datasetId"), (5, "datasetId")], errors.Select(e => (e.Row, e.Path)));
        Assert.Contains("first in row 2", errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_page_record_keeps_outcomes_errors_and_the_listing_until_the_import_is_deleted(string engine)
    {
        var store = Store(engine);
        var (roundId, institutionId) = ("round-" + Guid.NewGuid().ToString("N")[..8], "inst-x");
        var older = View(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddMinutes(-1));
        var newer = View(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
        await store.SaveImportAsync(roundId, institutionId, older);
        await store.AddRowsAsync(newer.ImportId, [Row(2, "a"), Row(3, "b")]);

        await store.RecordPageAsync(new ImportPageRecord(roundId, institutionId, newer with { State = ImportState.Completed, Created = 1 },
            [(2, ImportRowOutcome.Created), (3, ImportRowOutcome.Invalid)], [new ImportError(3, "b", "action", "withdraws nothing.")]));

        var (listed, count) = await store.ListImportsAsync(roundId, institutionId, page: 1, pageSize: 10);
        Assert.Equal(2, count);
        Assert.Equal([newer.ImportId, older.ImportId], listed.Select(i => i.ImportId));
        Assert.Equal((ImportState.Completed, 1), (listed[0].State, listed[0].Created));
        Assert.Equal("withdraws nothing.", Assert.Single((await store.ReadErrorsAsync(newer.ImportId, 1, 10)).Items).Message);

        await store.DeleteAsync(newer.ImportId);

        Assert.Equal((0, 0), await store.CountRowsAsync(newer.ImportId));
        Assert.Equal(0, (await store.ReadErrorsAsync(newer.ImportId, 1, 10)).Total);
        Assert.Equal(1, (await store.ListImportsAsync(roundId, institutionId, 1, 10)).Total);
    }

    [Fact]
    public async Task A_real_run_of_300_rows_writes_each_record_once_as_revision_1()
    {
        var (client, round, institution) = await SurveyWritesOnPostgresTests.OpenRoundAsync(cluster);

        var import = await RunAsync(client, round, institution, 300);

        Assert.Equal(("completed", 300), (import.GetProperty("state").GetString(), import.GetProperty("created").GetInt32()));
        Assert.Equal("300/1", await cluster.Database.ScalarAsync<string>(
            $"SELECT count(*) || '/' || max(revision) FROM census_survey_index WHERE round_id = '{round}' AND institution_id = '{institution}'"));
        Assert.Equal(300, await cluster.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM census_import_row WHERE import_id = '{import.GetProperty("importId").GetString()}' AND outcome = 'created'"));
    }

    private static Import View(string importId, DateTimeOffset startedAt) =>
        new(importId, ImportState.Running, false, false, ImportFileFormat.Ndjson, 2, 2, 0, 0, 0, 0, 0, 0, startedAt, null, []);

    internal static StringContent File(int rows)
    {
        var record = JsonNode.Parse(SurveyWritesOnPostgresTests.Record)!.AsObject();
        var lines = Enumerable.Range(0, rows).Select(i =>
        {
            var line = (JsonObject)record.DeepClone();
            line["datasetId"] = $"ds-{i:D5}";
            return line.ToJsonString();
        });
        return new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson");
    }

    private static async Task<JsonElement> RunAsync(HttpClient client, string round, string institution, int rows)
    {
        using var posted = await client.PostAsync($"/api/v1/rounds/{round}/institutions/{institution}/imports", File(rows));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        return await Eventually.Succeeds(
            () => ReadAsync(client, location), i => i.GetProperty("state").GetString() != "running", TimeSpan.FromSeconds(120), "the import's end");
    }

    internal static async Task<JsonElement> ReadAsync(HttpClient client, string location)
    {
        using var response = await client.GetAsync(location);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
