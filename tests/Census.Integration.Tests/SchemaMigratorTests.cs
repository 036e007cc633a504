using Census.Grains.Storage.Postgres;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Census.Integration.Tests;

public sealed class SchemaMigratorTests : IAsyncLifetime
{
    private TestPostgres _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private SchemaMigrator Migrator() => new(_database.ConnectionString, NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task A_fresh_database_gets_every_script_in_order()
    {
        var applied = await Migrator().MigrateAsync();

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version), applied);
        Assert.Equal(21, await _database.ScalarAsync<long>("SELECT count(*) FROM orleansquery"));
    }

    [Fact]
    public async Task The_survey_index_has_one_partition_per_shard_and_a_shard_read_visits_only_its_own()
    {
        await Migrator().MigrateAsync();

        Assert.Equal(64, await _database.ScalarAsync<long>("SELECT count(*) FROM pg_inherits WHERE inhparent = 'census_survey_index'::regclass"));
        var plan = await _database.ScalarAsync<string>(
            "EXPLAIN (FORMAT JSON) SELECT * FROM census_survey_index WHERE round_id = 'r' AND shard = 5::smallint");
        Assert.Contains("census_survey_index_s5", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("census_survey_index_s6", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_again_applies_nothing()
    {
        await Migrator().MigrateAsync();

        var applied = await Migrator().MigrateAsync();

        Assert.Empty(applied);
        Assert.Equal(SchemaMigrator.Scripts.Count, await _database.ScalarAsync<long>("SELECT count(*) FROM census_schema_history"));
    }

    [Fact]
    public async Task Three_migrators_starting_at_once_apply_each_script_exactly_once()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Migrator().MigrateAsync())));

        Assert.Equal(SchemaMigrator.Scripts.Count, runs.Sum(r => r.Count));
        Assert.Equal(SchemaMigrator.Scripts.Count, await _database.ScalarAsync<long>("SELECT count(*) FROM census_schema_history"));
    }

    [Fact]
    public async Task A_script_changed_after_it_was_applied_is_refused()
    {
        await Migrator().MigrateAsync();
        await _database.ExecuteAsync("UPDATE census_schema_history SET checksum = 'edited' WHERE version = 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator().MigrateAsync());

        Assert.Contains("V001", error.Message, StringComparison.Ordinal);
    }
}
