using System.Text;
using Census.Domain.Rubric;
using Census.Grains.Rankings;

namespace Census.Grains.Tests.Rankings;

/// <summary>A shard's slice: columns that read back what was loaded, and rows ranked per sector as the rubric orders them.</summary>
public sealed class ShardSliceTests
{
    private static ShardSlice Load(int count, Func<int, (string Institution, string Sector, bool Eligible, byte[] Levels)> row)
    {
        var builder = new ShardSliceBuilder();
        for (var i = 0; i < count; i++)
        {
            var (institution, sector, eligible, levels) = row(i);
            builder.Add(Encoding.UTF8.GetBytes(institution), Encoding.UTF8.GetBytes($"ds-{i}"), Encoding.UTF8.GetBytes(sector),
                "tabular"u8, eligible, revision: 1, levels);
        }

        return builder.Build();
    }

    private static byte[] Levels(int i) => [.. Enumerable.Range(0, 20).Select(c => (byte)((i * 7 + c * 3) % 5))];

    [Fact]
    public void A_slice_larger_than_a_column_chunk_reads_back_every_row_in_order()
    {
        // 70,000 rows: more than a byte column's chunk (65,536) and than the levels' (3,276 rows a chunk).
        var slice = Load(70_000, i => ($"inst-{i % 300}", i % 2 == 0 ? "law" : "finance", i % 20 != 0, Levels(i)));

        Assert.Equal(70_000, slice.Count);
        foreach (var i in new[] { 0, 1, 3_276, 3_277, 65_535, 65_536, 69_999 })
        {
            Assert.Equal($"ds-{i}", slice.Dataset(i));
            Assert.Equal($"inst-{i % 300}", slice.Institution(i));
            Assert.Equal(i % 2 == 0 ? Sector.Law : Sector.Finance, slice.Sector(i));
            Assert.Equal(i % 20 != 0, slice.Eligible(i));
            var levels = Levels(i).Select(l => (int)l).ToArray();
            Assert.Equal(AtusRubric.QuarterPoints(levels[10..], Weights), slice.QuarterPoints(i, Weights, post: true));
            Assert.Equal(AtusRubric.QuarterPoints(levels[..10], Weights), slice.QuarterPoints(i, Weights, post: false));
        }
    }

    private static readonly int[] Weights = [15, 10, 10, 10, 15, 10, 10, 10, 5, 5];

    [Fact]
    public void Scores_rank_each_sectors_eligible_rows_by_post_then_now_descending_and_leave_the_ineligible_out()
    {
        var slice = Load(500, i => ("inst", i % 3 == 0 ? "law" : "education", i % 7 != 0, Levels(i)));

        var scores = slice.Scores(Weights);

        Assert.Equal(Enumerable.Range(0, 500).Count(i => i % 7 != 0), scores.Eligible);
        foreach (var sector in new[] { Sector.Law, Sector.Education })
        {
            var expected = Enumerable.Range(0, 500)
                .Where(i => slice.Sector(i) == sector && slice.Eligible(i))
                .OrderByDescending(i => slice.QuarterPoints(i, Weights, post: true))
                .ThenByDescending(i => slice.QuarterPoints(i, Weights, post: false))
                .ThenBy(i => i);
            Assert.Equal(expected, scores.Ranked(sector));
        }
    }

    [Fact]
    public void Scores_are_computed_once_per_weights_and_again_for_other_weights()
    {
        var slice = Load(10, i => ("inst", "law", true, Levels(i)));

        var first = slice.Scores(Weights);

        Assert.Same(first, slice.Scores([.. Weights]));
        Assert.NotSame(first, slice.Scores([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]));
    }
}
