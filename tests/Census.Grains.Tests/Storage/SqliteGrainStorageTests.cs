using Census.Domain.Serialization;
using Census.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace Census.Grains.Tests.Storage;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private const string StateName = "counter";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"census-sqlite-tests-{Guid.NewGuid():N}");
    private readonly GrainId _grainId = GrainId.Create("test", "x");
    private readonly IGrainStorage _storage;

    public SqliteGrainStorageTests()
    {
        _storage = NewStorage();
    }

    private string DatabasePath => Path.Combine(_directory, "census.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private SqliteGrainStorage NewStorage()
    {
        var options = new SystemTextJsonGrainStorageSerializerOptions();
        CensusJson.Configure(options.JsonSerializerOptions);
        var serializer = new SystemTextJsonGrainStorageSerializer(Options.Create(options));
        return new SqliteGrainStorage("census", new LocalStore(DatabasePath), serializer, TimeProvider.System);
    }

    private static GrainState<CounterState> State(string name = "first", int count = 1, string? etag = null) =>
        new(new CounterState { Name = name, Count = count, Tags = ["a", "나"] }, etag);

    private async Task<GrainState<CounterState>> Read(IGrainStorage? storage = null)
    {
        var state = new GrainState<CounterState>();
        await (storage ?? _storage).ReadStateAsync(StateName, _grainId, state);
        return state;
    }

    [Fact]
    public async Task Reading_a_missing_record_gives_a_fresh_state_without_an_etag()
    {
        var state = await Read();

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Equal(0, state.State.Count);
    }

    [Fact]
    public async Task A_written_state_reads_back_the_same()
    {
        var written = State(name: "서울", count: 42);
        await _storage.WriteStateAsync(StateName, _grainId, written);

        var read = await Read();

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("서울", read.State!.Name);
        Assert.Equal(42, read.State!.Count);
        Assert.Equal(["a", "나"], read.State!.Tags);
    }

    [Fact]
    public async Task A_first_write_sets_an_etag_and_marks_the_record_existing()
    {
        var state = State();

        await _storage.WriteStateAsync(StateName, _grainId, state);

        Assert.NotNull(state.ETag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task Each_write_changes_the_etag()
    {
        var state = State();
        await _storage.WriteStateAsync(StateName, _grainId, state);
        var first = state.ETag;

        state.State!.Count++;
        await _storage.WriteStateAsync(StateName, _grainId, state);
        var second = state.ETag;
        state.State!.Count++;
        await _storage.WriteStateAsync(StateName, _grainId, state);

        Assert.Equal(3, new[] { first, second, state.ETag }.Distinct().Count());
        Assert.Equal(state.ETag, (await Read()).ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_inconsistent_state()
    {
        var current = State(count: 1);
        await _storage.WriteStateAsync(StateName, _grainId, current);
        var stale = State(count: 99, etag: current.ETag);
        current.State!.Count = 2;
        await _storage.WriteStateAsync(StateName, _grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, _grainId, stale));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_changes_nothing()
    {
        var current = State(count: 1);
        await _storage.WriteStateAsync(StateName, _grainId, current);
        var stale = State(count: 99, etag: current.ETag);
        current.State!.Count = 2;
        await _storage.WriteStateAsync(StateName, _grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, _grainId, stale));

        var read = await Read();
        Assert.Equal(2, read.State!.Count);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_without_an_etag_when_a_record_exists_throws_and_changes_nothing()
    {
        var existing = State(count: 1);
        await _storage.WriteStateAsync(StateName, _grainId, existing);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.WriteStateAsync(StateName, _grainId, State(count: 99)));

        var read = await Read();
        Assert.Equal(1, read.State!.Count);
        Assert.Equal(existing.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_an_etag_when_no_record_exists_throws()
    {
        var state = State(etag: "1");

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, _grainId, state));

        Assert.False((await Read()).RecordExists);
    }

    [Fact]
    public async Task Clearing_removes_the_record()
    {
        var state = State();
        await _storage.WriteStateAsync(StateName, _grainId, state);

        await _storage.ClearStateAsync(StateName, _grainId, state);

        var read = await Read();
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task Clearing_resets_the_state_in_hand()
    {
        var state = State(count: 5);
        await _storage.WriteStateAsync(StateName, _grainId, state);

        await _storage.ClearStateAsync(StateName, _grainId, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Count);
    }

    [Fact]
    public async Task A_cleared_record_can_be_written_afresh()
    {
        var state = State(count: 5);
        await _storage.WriteStateAsync(StateName, _grainId, state);
        await _storage.ClearStateAsync(StateName, _grainId, state);

        state.State!.Count = 7;
        await _storage.WriteStateAsync(StateName, _grainId, state);

        Assert.Equal(7, (await Read()).State!.Count);
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_throws_and_keeps_the_record()
    {
        var current = State(count: 1);
        await _storage.WriteStateAsync(StateName, _grainId, current);
        var stale = State(etag: current.ETag);
        current.State!.Count = 2;
        await _storage.WriteStateAsync(StateName, _grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(StateName, _grainId, stale));

        Assert.Equal(2, (await Read()).State!.Count);
    }

    [Fact]
    public async Task Records_are_kept_apart_by_state_name_and_grain_id()
    {
        var otherGrain = GrainId.Create("test", "y");
        await _storage.WriteStateAsync(StateName, _grainId, State(count: 1));
        await _storage.WriteStateAsync("other-state", _grainId, State(count: 2));
        await _storage.WriteStateAsync(StateName, otherGrain, State(count: 3));

        var read = await Read();

        Assert.Equal(1, read.State!.Count);
    }

    [Fact]
    public async Task Data_survives_a_new_store_on_the_same_file()
    {
        var written = State(name: "persisted", count: 3);
        await _storage.WriteStateAsync(StateName, _grainId, written);
        SqliteConnection.ClearAllPools();

        var read = await Read(NewStorage());

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("persisted", read.State!.Name);
        Assert.Equal(3, read.State!.Count);
    }
}
