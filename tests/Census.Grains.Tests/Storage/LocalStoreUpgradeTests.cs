using Census.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace Census.Grains.Tests.Storage;

/// <summary>
/// A local store written before the read side existed (no counters, no documents) is brought up to
/// date when it is first opened, once, as deploy/sql/V004 does on PostgreSQL.
/// </summary>
public sealed class LocalStoreUpgradeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"census-localstore-tests-{Guid.NewGuid():N}");

    private string DatabasePath => Path.Combine(_directory, "census.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task An_older_store_gets_its_counters_and_an_intent_for_every_row_without_a_document()
    {
        await WriteOlderStoreAsync(("a", 0), ("b", 0), ("c", 1));

        await using (await new LocalStore(DatabasePath).OpenAsync())
        {
        }

        Assert.Equal(2L, await ScalarAsync("SELECT records FROM census_survey_count WHERE round_id = 'r' AND institution_id = 'i'"));
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM census_survey_intent WHERE round_id = 'r'"));
        Assert.Equal((long)LocalStore.SchemaVersion, await ScalarAsync("PRAGMA user_version"));
    }

    [Fact]
    public async Task The_upgrade_runs_once()
    {
        await WriteOlderStoreAsync(("a", 0));
        await using (await new LocalStore(DatabasePath).OpenAsync())
        {
        }

        await ExecuteAsync("DELETE FROM census_survey_intent; UPDATE census_survey_count SET records = 7");
        SqliteConnection.ClearAllPools();
        await using (await new LocalStore(DatabasePath).OpenAsync())
        {
        }

        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM census_survey_intent"));
        Assert.Equal(7L, await ScalarAsync("SELECT records FROM census_survey_count"));
    }

    [Fact]
    public async Task A_new_store_starts_at_the_current_version_with_nothing_to_repair()
    {
        await using (await new LocalStore(DatabasePath).OpenAsync())
        {
        }

        Assert.Equal((long)LocalStore.SchemaVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM census_survey_intent"));
    }

    /// <summary>The index table as the previous build created it, with rows (dataset, withdrawn) of round r, institution i.</summary>
    private async Task WriteOlderStoreAsync(params (string Dataset, int Withdrawn)[] rows)
    {
        Directory.CreateDirectory(_directory);
        var levels = string.Join(", ", Enumerable.Repeat("2", 20));
        var values = string.Join(", ", rows.Select(r =>
            $"('r', 'i', '{r.Dataset}', 0, 1, {r.Withdrawn}, 'law', 'text', 'open', 1, 0, {levels}, '2026-01-01T00:00:00.0000000Z')"));
        await ExecuteAsync($"""
            CREATE TABLE census_survey_index (
                round_id TEXT NOT NULL, institution_id TEXT NOT NULL, dataset_id TEXT NOT NULL,
                shard INTEGER NOT NULL, revision INTEGER NOT NULL, withdrawn INTEGER NOT NULL,
                sector TEXT NOT NULL, modality TEXT NOT NULL, availability_now TEXT NOT NULL,
                eligible INTEGER NOT NULL, failed_gates INTEGER NOT NULL,
                n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, n3 INTEGER NOT NULL, n4 INTEGER NOT NULL, n5 INTEGER NOT NULL,
                n6 INTEGER NOT NULL, n7 INTEGER NOT NULL, n8 INTEGER NOT NULL, n9 INTEGER NOT NULL, n10 INTEGER NOT NULL,
                p1 INTEGER NOT NULL, p2 INTEGER NOT NULL, p3 INTEGER NOT NULL, p4 INTEGER NOT NULL, p5 INTEGER NOT NULL,
                p6 INTEGER NOT NULL, p7 INTEGER NOT NULL, p8 INTEGER NOT NULL, p9 INTEGER NOT NULL, p10 INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (round_id, institution_id, dataset_id)
            ) WITHOUT ROWID;
            INSERT INTO census_survey_index VALUES {values};
            """);
        SqliteConnection.ClearAllPools();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
