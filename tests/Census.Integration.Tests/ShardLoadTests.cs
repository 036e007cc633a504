using System.Text;
using Census.Contracts.Institutions;
using Census.Contracts.Surveys;
using Census.Grains.Rankings;
using Census.Grains.Storage;
using Census.Grains.Storage.Postgres;
using Census.Grains.Surveys;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Census.Integration.Tests;

/// <summary>A ranking's load of a shard (ISurveyIndex.LoadShardAsync) on both engines: PostgreSQL and SQLite.</summary>
public sealed class ShardLoadTests : IAsyncLifetime
{
    private TestPostgres _database = null!;
    private NpgsqlDataSource _dataSource = null!;
    private string _sqliteDirectory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateAsync();
        await new SchemaMigrator(_database.ConnectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        _sqliteDirectory = Path.Combine(Path.GetTempPath(), "census-load-" + Guid.NewGuid().ToString("N")[..8]);
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

    // Every criterion a different level, now and post apart: a level read into the wrong place cannot go unseen.
    private static readonly int[] Now = [0, 1, 2, 3, 4, 4, 3, 2, 1, 0];
    private static readonly int[] Post = [4, 3, 2, 1, 0, 1, 2, 3, 4, 4];

    private static SurveyIndexRow Row(string institution, string dataset, int shard, int revision = 1, bool withdrawn = false) => new(
        "r1", institution, dataset, shard, revision, withdrawn, "law", "time-series", "open", Eligible: true, FailedGates: 0,
        Now, Post, DateTimeOffset.UtcNow);

    private sealed class Rows : IShardRowSink
    {
        public List<(string Institution, string Dataset, string Sector, string Modality, bool Eligible, int Revision, byte[] Levels)> Read { get; } = [];

        public void Add(ReadOnlySpan<byte> institutionId, ReadOnlySpan<byte> datasetId, ReadOnlySpan<byte> sector, ReadOnlySpan<byte> modality,
            bool eligible, int revision, ReadOnlySpan<byte> levels) =>
            Read.Add((Encoding.UTF8.GetString(institutionId), Encoding.UTF8.GetString(datasetId), Encoding.UTF8.GetString(sector),
                Encoding.UTF8.GetString(modality), eligible, revision, levels.ToArray()));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_shard_load_hands_each_live_row_of_the_shard_with_its_twenty_levels_in_order(string engine)
    {
        var index = Index(engine);
        await index.UpsertAsync(Row("inst", "in-shard", 5, revision: 3));
        await index.UpsertAsync(Row("inst", "withdrawn", 5, revision: 2, withdrawn: true));
        await index.UpsertAsync(Row("inst", "other-shard", 6));
        await index.UpsertAsync(Row("inst", "ineligible", 5) with { Eligible = false, FailedGates = 1 });

        var rows = new Rows();
        await index.LoadShardAsync("r1", 5, rows);

        var read = rows.Read.OrderBy(r => r.Dataset, StringComparer.Ordinal).ToList();
        Assert.Equal(["in-shard", "ineligible"], read.Select(r => r.Dataset));
        var live = read[0];
        Assert.Equal(("inst", "law", "time-series", true, 3), (live.Institution, live.Sector, live.Modality, live.Eligible, live.Revision));
        Assert.Equal([.. Now, .. Post], live.Levels.Select(l => (int)l));
        Assert.False(read[1].Eligible);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_shard_load_hands_longIdids_beyond_ascii_as_their_utf8(string engine)
    {
        var index = Index(engine);
        // Longer than the reader's chunk of chars, with surrogate pairs astride its boundaries.
        var longId = "데이터셋-" + string.Concat(Enumerable.Repeat("ü😀", 200));
        await index.UpsertAsync(Row("기관-서울", longId, 0));

        var rows = new Rows();
        await index.LoadShardAsync("r1", 0, rows);

        var only = Assert.Single(rows.Read);
        Assert.Equal(("기관-서울", longId), (only.Institution, only.Dataset));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_slice_loaded_from_the_index_reads_back_each_row_and_fingerprints_groups_as_the_group_read_does(string engine)
    {
        var index = Index(engine);
        for (var i = 0; i < 40; i++)
        {
            await index.UpsertAsync(Row(i % 3 == 0 ? "a" : "b", $"d{i:00}", 2, revision: 1 + (i % 4)) with { Sector = i % 2 == 0 ? "law" : "finance" });
        }

        var slice = await ShardSlice.LoadAsync(index, "r1", 2);

        Assert.Equal(40, slice.Count);
        Assert.Equal(
            Enumerable.Range(0, 40).Select(i => $"d{i:00}").Order(StringComparer.Ordinal),
            Enumerable.Range(0, slice.Count).Select(slice.Dataset).Order(StringComparer.Ordinal));
        Assert.All(Enumerable.Range(0, slice.Count), i => Assert.Equal(Modality.TimeSeries, slice.Modality(i)));
        foreach (var (institution, sector) in new[] { ("a", Sector.Law), ("a", Sector.Finance), ("b", Sector.Law), ("b", Sector.Finance) })
        {
            var group = await index.ReadGroupAsync("r1", institution, Census.Domain.Validation.Names.Of(sector));
            var expected = GroupFingerprints.Of(institution, sector, group);
            Assert.Equal(expected, Assert.Single(slice.Groups(), g => g.InstitutionId == institution && g.Sector == sector));
        }
    }
}
