using Census.Grains.Surveys;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>The test double keeps the SQL upsert's revision guard, or the consistency tests would prove nothing.</summary>
public sealed class InMemorySurveyIndexTests
{
    private readonly InMemorySurveyIndex _index = new();

    private static SurveyIndexRow Row(int revision, bool withdrawn = false, string dataset = "ds-1") => new(
        "round-1", "inst-1", dataset, 0, revision, withdrawn, "finance", "tabular", "open", true, 0,
        [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], DateTimeOffset.UnixEpoch.AddDays(revision));

    [Fact]
    public async Task A_higher_revision_replaces_the_stored_row()
    {
        await _index.UpsertAsync(Row(1));

        await _index.UpsertAsync(Row(2));

        Assert.Equal(2, await _index.RevisionAsync("round-1", "inst-1", "ds-1"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task An_equal_or_lower_revision_changes_nothing(int revision)
    {
        var stored = Row(2);
        await _index.UpsertAsync(stored);

        await _index.UpsertAsync(Row(revision, withdrawn: true));

        Assert.Same(stored, _index.Find("round-1", "inst-1", "ds-1"));
    }

    [Fact]
    public async Task Withdrawn_rows_are_not_counted()
    {
        await _index.UpsertAsync(Row(1, dataset: "ds-1"));
        await _index.UpsertAsync(Row(2, withdrawn: true, dataset: "ds-2"));

        Assert.Equal(1, await _index.CountAsync("round-1"));
    }

    [Fact]
    public async Task Told_to_fail_it_throws_on_the_next_upserts_only_and_stores_nothing_meanwhile()
    {
        _index.FailNextUpserts(2);

        await Assert.ThrowsAsync<IOException>(() => _index.UpsertAsync(Row(1)));
        await Assert.ThrowsAsync<IOException>(() => _index.UpsertAsync(Row(1)));
        Assert.Null(await _index.RevisionAsync("round-1", "inst-1", "ds-1"));
        await _index.UpsertAsync(Row(1));

        Assert.Equal(1, await _index.RevisionAsync("round-1", "inst-1", "ds-1"));
    }

    [Fact]
    public async Task An_institutions_datasets_are_listed_in_id_order_without_the_withdrawn()
    {
        static SurveyIndexRow Documented(SurveyIndexRow row) => row with
        {
            Record = SurveyRecords.Valid(),
            Levels = new RubricLevels(row.LevelsNow, row.LevelsPost, [.. Enumerable.Repeat("why", 10)], []),
        };

        await _index.UpsertAsync(Documented(Row(1, dataset: "ds-c")));
        await _index.UpsertAsync(Documented(Row(1, dataset: "ds-a")));
        await _index.UpsertAsync(Documented(Row(1, withdrawn: true, dataset: "ds-b")));

        var page = await _index.ListDocumentsAsync("round-1", "inst-1", 1, 10);

        Assert.Equal(["ds-a", "ds-c"], page.Select(d => d.DatasetId));
        Assert.Equal(2, await _index.CountAsync("round-1", "inst-1"));
    }
}
