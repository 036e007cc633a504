using Census.Grains.Storage;
using Census.Grains.Storage.Postgres;
using Census.Grains.Surveys;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Census.Integration.Tests;

/// <summary>The survey index's SQL on both engines: PostgreSQL (cluster mode) and SQLite (local mode).</summary>
public sealed class SurveyIndexStoreTests : IAsyncLifetime
{
    private TestPostgres _database = null!;
    private NpgsqlDataSource _dataSource = null!;
    private string _sqliteDirectory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateAsync();
        await new SchemaMigrator(_database.ConnectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        _sqliteDirectory = Path.Combine(Path.GetTempPath(), "census-index-" + Guid.NewGuid().ToString("N")[..8]);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteDirectory))
        {
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
    }

    private ISurveyIndex Index(string engine) => engine == "postgres"
        ? new PostgresSurveyIndex(_dataSource)
        : new SqliteSurveyIndex(new LocalStore(Path.Combine(_sqliteDirectory, "census.db")));

    private static SurveyIndexRow Row(string dataset, int shard, int revision, bool withdrawn = false, int level = 3) => new(
        "r1", "inst", dataset, shard, revision, withdrawn, "law", "text", "open", Eligible: true, FailedGates: 0,
        Enumerable.Repeat(level, 10).ToArray(), Enumerable.Repeat(level + 1, 10).ToArray(), DateTimeOffset.UtcNow);

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task An_upsert_only_moves_forward_by_revision(string engine)
    {
        var index = Index(engine);
        await index.UpsertAsync(Row("d1", 0, revision: 2));

        await index.UpsertAsync(Row("d1", 0, revision: 1, withdrawn: true));
        Assert.Equal(2, await index.RevisionAsync("r1", "inst", "d1"));
        Assert.Equal(1, await index.CountAsync("r1"));

        await index.UpsertAsync(Row("d1", 0, revision: 3, withdrawn: true));
        Assert.Equal(3, await index.RevisionAsync("r1", "inst", "d1"));
        Assert.Equal(0, await index.CountAsync("r1"));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_shard_read_streams_its_rows_that_are_not_withdrawn_with_their_levels(string engine)
    {
        var index = Index(engine);
        await index.UpsertAsync(Row("in-shard", 5, 1, level: 2));
        await index.UpsertAsync(Row("withdrawn", 5, 2, withdrawn: true));
        await index.UpsertAsync(Row("other-shard", 6, 1));

        var rows = new List<ShardRow>();
        await foreach (var row in index.ReadShardAsync("r1", 5))
        {
            rows.Add(row);
        }

        var only = Assert.Single(rows);
        Assert.Equal("in-shard", only.DatasetId);
        Assert.Equal("law", only.Sector);
        Assert.True(only.Eligible);
        Assert.Equal([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], only.Levels.Select(l => (int)l));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_group_read_returns_every_row_of_the_institution_and_sector_withdrawn_ones_flagged(string engine)
    {
        var index = Index(engine);
        await index.UpsertAsync(Row("d1", 0, revision: 1, level: 2));
        await index.UpsertAsync(Row("d2", 1, revision: 1, withdrawn: true));
        await index.UpsertAsync(Row("d3", 2, revision: 1) with { Sector = "finance" });
        await index.UpsertAsync(Row("d4", 3, revision: 1) with { InstitutionId = "other" });

        var group = (await index.ReadGroupAsync("r1", "inst", "law")).OrderBy(r => r.DatasetId, StringComparer.Ordinal).ToList();

        Assert.Equal(["d1", "d2"], group.Select(r => r.DatasetId));
        Assert.False(group[0].Withdrawn);
        Assert.True(group[1].Withdrawn);
        Assert.Equal([.. Enumerable.Repeat((byte)2, 10), .. Enumerable.Repeat((byte)3, 10)], group[0].Levels);
        Assert.All(group, r => Assert.True(r.UpdatedAt > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task An_institution_lists_its_datasets_in_order_and_pages_them(string engine)
    {
        var index = Index(engine);
        foreach (var dataset in new[] { "c", "a", "b", "gone" })
        {
            await index.UpsertAsync(Row(dataset, 0, 1, withdrawn: dataset == "gone"));
        }

        Assert.Equal(["a", "b"], await index.ListDatasetsAsync("r1", "inst", page: 1, pageSize: 2));
        Assert.Equal(["c"], await index.ListDatasetsAsync("r1", "inst", page: 2, pageSize: 2));
        Assert.Equal(3, await index.CountAsync("r1", "inst"));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Report_cells_group_rows_and_sum_their_weighted_levels(string engine)
    {
        var index = Index(engine);
        await index.UpsertAsync(Row("one", 0, 1, level: 2));
        await index.UpsertAsync(Row("two", 1, 1, level: 4));
        await index.UpsertAsync(Row("gone", 1, 2, withdrawn: true));

        var cells = await index.ReportCellsAsync("r1", [15, 10, 10, 10, 15, 10, 10, 10, 5, 5]);

        var cell = Assert.Single(cells);
        Assert.Equal(2, cell.Count);
        Assert.Equal(Census.Contracts.Institutions.Sector.Law, cell.Sector);
        Assert.Equal(100L * 2 + 100L * 4, cell.SumNowQuarterPoints);   // Σ weights = 100
        Assert.Equal(100L * 3 + 100L * 5, cell.SumPostQuarterPoints);
    }
}
