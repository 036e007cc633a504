using Census.Grains.Surveys;

namespace Census.Grains.Tests.Surveys;

/// <summary>
/// A record remembers (key, body hash, revision, outcome, when, who) for at least 24 hours — never a copy
/// of the response — and a retry after many newer keyed writes replays instead of writing again.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IdempotencyMemoryTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly TestCensus _census = new(fixture.Client);

    private static IdempotencyMemo Memo(string key, DateTimeOffset at) =>
        new(key, "hash-" + key, 1, SurveyWriteOutcome.Updated, at, TestCensus.Agency);

    [Fact]
    public async Task A_retry_after_25_newer_keyed_writes_replays_and_makes_no_new_revision()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        var first = TestCensus.Write(roundId, SurveyRecords.Valid() with { Title = "first" }, idempotencyKey: "key-0", bodyHash: "body-0");
        await dataset.Put(first);
        for (var i = 1; i <= 25; i++)
        {
            await dataset.Put(TestCensus.Write(roundId, SurveyRecords.Valid() with { Title = $"write {i}" }, idempotencyKey: $"key-{i}", bodyHash: $"body-{i}"));
        }

        var retry = await dataset.Put(first);

        Assert.Equal(SurveyWriteOutcome.Created, retry.Outcome);
        Assert.Equal(1, retry.Response!.Revision);
        Assert.Equal("first", retry.Response.Record.Title);
        Assert.Equal(26, (await dataset.Get(roundId)).Response!.Revision);
    }

    [Fact]
    public async Task A_replayed_older_revision_is_scored_and_carries_its_own_author_time_and_default_sector()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution(Sector.HealthMedical);
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        var first = TestCensus.Write(roundId, SurveyRecords.Valid() with { Sector = null }, idempotencyKey: "key-a", bodyHash: "body-a");
        var original = (await dataset.Put(first)).Response!;
        await dataset.Put(TestCensus.Write(roundId, idempotencyKey: "key-b", bodyHash: "body-b"));

        var replayed = (await dataset.Put(first)).Response!;

        Assert.Equal(
            (original.Revision, original.UpdatedAt, original.UpdatedBy, original.Record.Title),
            (replayed.Revision, replayed.UpdatedAt, replayed.UpdatedBy, replayed.Record.Title));
        Assert.Equal(Sector.HealthMedical, replayed.Record.Sector);
        Assert.Equal(original.Score.Now, replayed.Score.Now);
        Assert.Equal(original.Score.Post, replayed.Score.Post);
    }

    [Fact]
    public void The_state_of_a_record_holds_no_response()
    {
        static IEnumerable<Type> Reachable(Type type) =>
            type.GetProperties().Select(p => p.PropertyType).SelectMany(t => t.IsGenericType ? t.GetGenericArguments() : [t]);

        var inState = Reachable(typeof(DatasetRoundEntry)).Concat(Reachable(typeof(IdempotencyMemo))).ToList();

        Assert.DoesNotContain(typeof(SurveyResponse), inState);
        Assert.Contains(typeof(IdempotencyMemo), inState);
    }

    [Fact]
    public void Keys_older_than_24_hours_are_dropped_when_a_key_is_remembered()
    {
        List<IdempotencyMemo> memos = [Memo("old", Noon - TimeSpan.FromHours(25)), Memo("recent", Noon - TimeSpan.FromHours(23))];

        IdempotencyMemory.Remember(memos, Memo("new", Noon), Noon);

        Assert.Equal(["recent", "new"], memos.Select(m => m.Key));
    }

    [Fact]
    public void A_key_exactly_24_hours_old_is_still_remembered()
    {
        List<IdempotencyMemo> memos = [Memo("day-old", Noon - IdempotencyMemory.Retention)];

        IdempotencyMemory.Remember(memos, Memo("new", Noon), Noon);

        Assert.Equal(["day-old", "new"], memos.Select(m => m.Key));
    }

    [Fact]
    public void Beyond_the_safety_bound_the_oldest_keys_go_first()
    {
        var memos = Enumerable.Range(0, IdempotencyMemory.Capacity).Select(i => Memo($"k{i}", Noon)).ToList();

        IdempotencyMemory.Remember(memos, Memo("new", Noon), Noon);

        Assert.Equal(IdempotencyMemory.Capacity, memos.Count);
        Assert.Equal("k1", memos[0].Key);
        Assert.Equal("new", memos[^1].Key);
    }
}
