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
            await index.UpsertAsync(WithDocument(Row(dataset, 0, 1, withdrawn: dataset == "gone"), dataset));
        }

        Assert.Equal(["a", "b"], (await index.ListDocumentsAsync("r1", "inst", page: 1, pageSize: 2)).Select(d => d.DatasetId));
        Assert.Equal(["c"], (await index.ListDocumentsAsync("r1", "inst", page: 2, pageSize: 2)).Select(d => d.DatasetId));
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

    private static SurveyIndexRow Live(string dataset, int revision, string institution = "inst") =>
        Row(dataset, 0, revision) with { InstitutionId = institution };

    private static SurveyIndexRow Withdrawn(string dataset, int revision, string institution = "inst") =>
        Row(dataset, 0, revision, withdrawn: true) with { InstitutionId = institution };

    private static SurveyIndexRow WithDocument(SurveyIndexRow row, string title) => row with
    {
        UpdatedBy = "agency:" + title,
        Record = new Census.Contracts.Surveys.SurveyRecord { Title = title, Keywords = ["대기질", "pm2.5"] },
        Levels = new Census.Contracts.Surveys.RubricLevels(
            Enumerable.Repeat(2, 10).ToArray(), Enumerable.Repeat(3, 10).ToArray(), Enumerable.Repeat("why", 10).ToArray(), ["G2"]),
    };

    /// <summary>Runs one statement straight on the engine's database (to prove what a read reads).</summary>
    private async Task ExecuteAsync(string engine, string sql)
    {
        if (engine == "postgres")
        {
            await using var command = _dataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var connection = await new LocalStore(Path.Combine(_sqliteDirectory, "census.db")).OpenAsync();
        await using var sqlite = connection.CreateCommand();
        sqlite.CommandText = sql;
        await sqlite.ExecuteNonQueryAsync();
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Counts_stay_exact_across_create_update_withdraw_and_recreate(string engine)
    {
        var index = Index(engine);
        async Task Expect(long round, long institution)
        {
            Assert.Equal(round, await index.CountAsync("r1"));
            Assert.Equal(institution, await index.CountAsync("r1", "inst"));
        }

        await index.UpsertAsync(Live("d1", 1));
        await Expect(1, 1);
        await index.UpsertAsync(Live("d1", 2));
        await index.UpsertAsync(Live("d1", 2));
        await Expect(1, 1);
        await index.UpsertAsync(Live("d2", 1));
        await index.UpsertAsync(Live("x1", 1, institution: "other"));
        await Expect(3, 2);
        await index.UpsertAsync(Withdrawn("d1", 3));
        await index.UpsertAsync(Withdrawn("d1", 3));
        await Expect(2, 1);
        await index.UpsertAsync(Live("d1", 2));
        await Expect(2, 1);
        await index.UpsertAsync(Live("d1", 4));
        await Expect(3, 2);
        await index.UpsertAsync(Withdrawn("d2", 2));
        await index.UpsertAsync(Withdrawn("x1", 2, institution: "other"));
        await Expect(1, 1);
        await index.UpsertAsync(Withdrawn("d3", 1));
        await Expect(1, 1);
        Assert.Equal(0, await index.CountAsync("r2"));
        Assert.Equal(0, await index.CountAsync("r1", "nobody"));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Counts_are_read_from_the_counters_the_upsert_keeps_not_from_the_rows(string engine)
    {
        var index = Index(engine);
        await index.UpsertAsync(Live("d1", 1));

        await ExecuteAsync(engine, "UPDATE census_survey_count SET records = 42 WHERE round_id = 'r1'");

        Assert.Equal(42, await index.CountAsync("r1"));
        Assert.Equal(42, await index.CountAsync("r1", "inst"));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task An_upsert_after_the_round_is_closed_is_refused_and_one_before_is_kept(string engine)
    {
        var index = Index(engine);
        Assert.True(await index.UpsertAsync(Live("before", 1)));

        await index.CloseRoundAsync("r1");

        Assert.False(await index.UpsertAsync(Live("after", 1)));
        Assert.False(await index.UpsertAsync(Live("before", 2)));
        Assert.Equal(1, await index.RevisionAsync("r1", "inst", "before"));
        Assert.Null(await index.RevisionAsync("r1", "inst", "after"));
        Assert.Equal(1, await index.CountAsync("r1"));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_closed_round_still_takes_the_missing_document_of_a_row_at_its_own_revision(string engine)
    {
        var index = Index(engine);
        Assert.True(await index.UpsertAsync(Live("old", 3)));
        await index.RecordIntentAsync("r1", "inst", "old", 3, DateTimeOffset.UtcNow.AddHours(-1));
        await index.CloseRoundAsync("r1");

        Assert.False(await index.UpsertAsync(WithDocument(Live("old", 2), "older")));
        Assert.False(await index.UpsertAsync(WithDocument(Live("old", 4), "newer")));
        Assert.Empty(await index.ListDocumentsAsync("r1", "inst", page: 1, pageSize: 10));

        Assert.False(await index.UpsertAsync(WithDocument(Live("old", 3), "repaired")));

        var listed = Assert.Single(await index.ListDocumentsAsync("r1", "inst", page: 1, pageSize: 10));
        Assert.Equal((3, "repaired"), (listed.Revision, listed.Record.Title));
        Assert.Equal(3, await index.RevisionAsync("r1", "inst", "old"));
        Assert.Equal(1, await index.CountAsync("r1"));
        Assert.Empty(await index.PendingIntentsAsync(DateTimeOffset.UtcNow, 10));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Closing_a_round_twice_is_harmless_and_leaves_other_rounds_open(string engine)
    {
        var index = Index(engine);

        await index.CloseRoundAsync("r1");
        await index.CloseRoundAsync("r1");

        Assert.False(await index.UpsertAsync(Live("d1", 1)));
        Assert.True(await index.UpsertAsync(Live("d1", 1) with { RoundId = "r2" }));
    }

    [Fact]
    public async Task On_postgres_a_close_waits_for_an_upsert_in_flight_and_then_refuses_the_next()
    {
        var index = Index("postgres");
        await index.UpsertAsync(Live("d0", 1));

        // An upsert in flight holds the round's gate row shared until it commits.
        await using var inFlight = await _dataSource.OpenConnectionAsync();
        await using var transaction = await inFlight.BeginTransactionAsync();
        await using (var share = new NpgsqlCommand("SELECT closed FROM census_survey_gate WHERE round_id = 'r1' FOR SHARE", inFlight, transaction))
        {
            Assert.Equal(false, await share.ExecuteScalarAsync());
        }

        var close = index.CloseRoundAsync("r1");
        await WaitUntilABackendWaitsForALockAsync("census_survey_gate");
        Assert.False(close.IsCompleted);

        await transaction.CommitAsync();
        await close;
        Assert.False(await index.UpsertAsync(Live("d1", 1)));
    }

    [Fact]
    public async Task On_postgres_a_close_waits_for_a_dataset_commit_in_flight_and_then_refuses_the_next()
    {
        var index = Index("postgres");
        await index.CommitDatasetAsync(Commit("d0", 0, [1], Live("d0", 1)));

        // A commit in flight holds the round's advisory lock shared until it commits.
        await using var inFlight = await _dataSource.OpenConnectionAsync();
        await using var transaction = await inFlight.BeginTransactionAsync();
        await using (var share = new NpgsqlCommand("SELECT pg_advisory_xact_lock_shared(census_round_lock_key('r1'))", inFlight, transaction))
        {
            await share.ExecuteNonQueryAsync();
        }

        var close = index.CloseRoundAsync("r1");
        await WaitUntilABackendWaitsForALockAsync("census_survey_gate");
        Assert.False(close.IsCompleted);

        await transaction.CommitAsync();
        await close;
        Assert.Equal(DatasetCommitOutcome.RoundClosed, (await index.CommitDatasetAsync(Commit("d1", 0, [1], Live("d1", 1)))).Outcome);
    }

    /// <summary>Until PostgreSQL reports a statement on <paramref name="table"/> waiting for a lock.</summary>
    private async Task WaitUntilABackendWaitsForALockAsync(string table)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()");
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < until, "No statement started waiting for the lock.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_list_page_returns_the_documents_of_live_rows_in_dataset_order(string engine)
    {
        var index = Index(engine);
        await index.UpsertAsync(WithDocument(Live("b", 1), "first b"));
        await index.UpsertAsync(WithDocument(Live("b", 2), "second b"));
        await index.UpsertAsync(WithDocument(Live("b", 1), "stale b"));
        await index.UpsertAsync(WithDocument(Live("a", 1), "a"));
        await index.UpsertAsync(WithDocument(Live("c", 1), "c"));
        await index.UpsertAsync(WithDocument(Withdrawn("c", 2), "c"));

        var page = await index.ListDocumentsAsync("r1", "inst", page: 1, pageSize: 10);

        Assert.Equal(["a", "b"], page.Select(d => d.DatasetId));
        var b = page[1];
        Assert.Equal((2, "agency:second b", "second b"), (b.Revision, b.UpdatedBy, b.Record.Title));
        Assert.Equal(["대기질", "pm2.5"], b.Record.Keywords!);
        Assert.Equal(["G2"], b.Levels.FailedGates);
        Assert.Equal(3, b.Levels.Post[9]);
        Assert.True(b.UpdatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(["b"], (await index.ListDocumentsAsync("r1", "inst", page: 2, pageSize: 1)).Select(d => d.DatasetId));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task An_intent_is_pending_until_the_upsert_of_its_revision_clears_it(string engine)
    {
        var index = Index(engine);
        var now = DateTimeOffset.UtcNow;
        await index.RecordIntentAsync("r1", "inst", "d1", 2, now.AddMinutes(-2));
        await index.RecordIntentAsync("r1", "inst", "d2", 1, now.AddMinutes(-1));
        await index.RecordIntentAsync("r1", "inst", "fresh", 1, now);

        var pending = await index.PendingIntentsAsync(now.AddSeconds(-30), limit: 10);
        Assert.Equal(["d1", "d2"], pending.Select(i => i.DatasetId));

        await index.UpsertAsync(Live("d1", 1));
        await index.UpsertAsync(Live("d2", 1));
        Assert.Equal(["d1"], (await index.PendingIntentsAsync(now.AddSeconds(-30), limit: 10)).Select(i => i.DatasetId));

        await index.ClearIntentAsync("r1", "inst", "d1", int.MaxValue);
        Assert.Empty(await index.PendingIntentsAsync(now.AddSeconds(-30), limit: 10));
    }

    private static DatasetCommit Commit(string dataset, int expected, byte[] payload, SurveyIndexRow row) =>
        new("inst/" + dataset, expected, payload, row);

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_dataset_commit_stores_state_row_document_and_count_together(string engine)
    {
        var index = Index(engine);

        var result = await index.CommitDatasetAsync(Commit("d1", 0, [1, 2, 3], WithDocument(Live("d1", 1), "첫 기록")));

        Assert.Equal((DatasetCommitOutcome.Committed, 1), (result.Outcome, result.Version));
        var stored = await index.ReadDatasetStateAsync("inst/d1");
        Assert.Equal(1, stored!.Version);
        Assert.Equal(new byte[] { 1, 2, 3 }, stored.Payload);
        Assert.Equal(1, await index.RevisionAsync("r1", "inst", "d1"));
        Assert.Equal(1, await index.CountAsync("r1", "inst"));
        Assert.Equal("첫 기록", Assert.Single(await index.ListDocumentsAsync("r1", "inst", 1, 10)).Record.Title);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_dataset_commit_over_another_version_stores_nothing_and_returns_what_is_stored(string engine)
    {
        var index = Index(engine);
        await index.CommitDatasetAsync(Commit("d1", 0, [1], Live("d1", 1)));
        await index.CommitDatasetAsync(Commit("d1", 1, [2], Live("d1", 2)));

        var stale = await index.CommitDatasetAsync(Commit("d1", 1, [9], Withdrawn("d1", 3)));
        var asNew = await index.CommitDatasetAsync(Commit("d1", 0, [9], Withdrawn("d1", 3)));

        foreach (var conflict in new[] { stale, asNew })
        {
            Assert.Equal(DatasetCommitOutcome.VersionConflict, conflict.Outcome);
            Assert.Equal(2, conflict.Stored!.Version);
            Assert.Equal(new byte[] { 2 }, conflict.Stored.Payload);
        }

        Assert.Equal(2, await index.RevisionAsync("r1", "inst", "d1"));
        Assert.Equal(1, await index.CountAsync("r1"));
        Assert.Equal(new byte[] { 2 }, (await index.ReadDatasetStateAsync("inst/d1"))!.Payload);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_dataset_commit_after_the_round_is_closed_stores_neither_state_nor_row(string engine)
    {
        var index = Index(engine);
        await index.CommitDatasetAsync(Commit("d1", 0, [1], Live("d1", 1)));
        await index.CloseRoundAsync("r1");

        var update = await index.CommitDatasetAsync(Commit("d1", 1, [2], Withdrawn("d1", 2)));
        var create = await index.CommitDatasetAsync(Commit("d2", 0, [1], Live("d2", 1)));

        Assert.Equal(DatasetCommitOutcome.RoundClosed, update.Outcome);
        Assert.Equal(DatasetCommitOutcome.RoundClosed, create.Outcome);
        Assert.Equal(1, (await index.ReadDatasetStateAsync("inst/d1"))!.Version);
        Assert.Null(await index.ReadDatasetStateAsync("inst/d2"));
        Assert.Equal(1, await index.RevisionAsync("r1", "inst", "d1"));
        Assert.Null(await index.RevisionAsync("r1", "inst", "d2"));
        Assert.Equal(1, await index.CountAsync("r1"));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Dataset_commits_keep_counts_exact_across_withdraw_and_recreate(string engine)
    {
        var index = Index(engine);
        await index.CommitDatasetAsync(Commit("d1", 0, [1], Live("d1", 1)));
        await index.CommitDatasetAsync(Commit("d2", 0, [1], Live("d2", 1)));
        Assert.Equal(2, await index.CountAsync("r1", "inst"));

        await index.CommitDatasetAsync(Commit("d1", 1, [2], Withdrawn("d1", 2)));
        Assert.Equal(1, await index.CountAsync("r1", "inst"));

        await index.CommitDatasetAsync(Commit("d1", 2, [3], Live("d1", 3)));
        Assert.Equal(2, await index.CountAsync("r1"));
        Assert.Equal(3, await index.RevisionAsync("r1", "inst", "d1"));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Legacy_dataset_states_are_reported_only_while_the_grain_storage_holds_one(string engine)
    {
        var index = Index(engine);
        Assert.False(await index.HasLegacyDatasetStatesAsync());

        await ExecuteAsync(engine, engine == "postgres"
            ? "INSERT INTO orleans_storage (service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_type_string, grain_id_extension_string, payload_binary, version) " +
              "VALUES ('svc', 1, 2, 0, 0, 'dataset', 'inst/d1', '\\x7b7d', 1)"
            : "INSERT INTO grain_state (state_name, grain_id, version, payload, updated_at) VALUES ('dataset', 'dataset/inst/d1', 1, x'7b7d', '2026-01-01T00:00:00Z')");

        Assert.True(await index.HasLegacyDatasetStatesAsync());
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Concurrent_dataset_commits_each_get_their_own_outcome_and_keep_counts_exact(string engine)
    {
        var index = Index(engine);
        await index.CommitDatasetAsync(Commit("taken", 0, [1], Live("taken", 1)));
        await index.CommitDatasetAsync(new DatasetCommit("inst/closed", 0, [1], Live("closed", 1) with { RoundId = "r2" }));
        await index.CloseRoundAsync("r2");

        // Many writers at once (a silo's group commit takes them together): 8 institutions × 25 datasets
        // created, then every other one withdrawn, beside a stale write and a write to the closed round.
        var creates = Enumerable.Range(0, 200).Select(n => index.CommitDatasetAsync(
            new DatasetCommit($"i{n % 8}/d{n}", 0, [(byte)n], Live($"d{n}", 1, institution: $"i{n % 8}")))).ToList();
        var stale = index.CommitDatasetAsync(Commit("taken", 0, [9], Live("taken", 2)));
        var closed = index.CommitDatasetAsync(new DatasetCommit("inst/closed", 1, [2], Live("closed", 2) with { RoundId = "r2" }));
        await Task.WhenAll([.. creates, stale, closed]);
        var withdrawals = Enumerable.Range(0, 200).Where(n => n % 2 == 0).Select(n => index.CommitDatasetAsync(
            new DatasetCommit($"i{n % 8}/d{n}", 1, [(byte)n, 2], Withdrawn($"d{n}", 2, institution: $"i{n % 8}")))).ToList();
        await Task.WhenAll(withdrawals);

        Assert.All(await Task.WhenAll(creates), c => Assert.Equal((DatasetCommitOutcome.Committed, 1), (c.Outcome, c.Version)));
        Assert.All(await Task.WhenAll(withdrawals), c => Assert.Equal((DatasetCommitOutcome.Committed, 2), (c.Outcome, c.Version)));
        Assert.Equal(DatasetCommitOutcome.VersionConflict, (await stale).Outcome);
        Assert.Equal(DatasetCommitOutcome.RoundClosed, (await closed).Outcome);
        Assert.Equal(101, await index.CountAsync("r1"));
        Assert.Equal(25, await index.CountAsync("r1", "i1"));
        Assert.Equal(0, await index.CountAsync("r1", "i0"));
        Assert.Equal(new byte[] { 3 }, (await index.ReadDatasetStateAsync("i3/d3"))!.Payload);
        Assert.Equal(new byte[] { 4, 2 }, (await index.ReadDatasetStateAsync("i4/d4"))!.Payload);
    }
}
