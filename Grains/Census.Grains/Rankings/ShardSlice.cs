using System.Text;
using Census.Contracts.Institutions;
using Census.Contracts.Rankings;
using Census.Contracts.Surveys;
using Census.Grains.Surveys;

namespace Census.Grains.Rankings;

/// <summary>
/// A shard's rows held compactly, one array per column: institution ids as indexes into a table of the shard's
/// institutions, dataset ids as UTF-8 in one buffer, sector, modality and eligibility as bytes, the 20 levels side by
/// side — about 40 bytes a record plus the id's length — and the scores under the last weights asked for
/// (<see cref="ShardScores"/>, 12 bytes a record), so a run's two questions score the rows once.
/// </summary>
internal sealed class ShardSlice(
    string[] institutionTable,
    int[] institutions,
    int[] datasetEnds,
    byte[] datasetBytes,
    byte[] sectors,
    byte[] modalities,
    bool[] eligible,
    byte[] levels,
    ShardGroups groups)
{
    private const int LevelsPerRow = 20;

    /// <summary>
    /// Loads at once per process: a run asks all its shards together, and 64 loads at once on a silo of a few cores are
    /// no faster than a few, but hold 64 database connections — enough to exhaust a shared server's slots (measured:
    /// runs failed with 53300 and retried). Twice the cores keeps a core busy while another load waits on the wire.
    /// </summary>
    private static readonly SemaphoreSlim Loads = new(2 * Environment.ProcessorCount);

    private ShardScores? _scores;

    public int Count => institutions.Length;

    /// <summary>Reads one shard of a round from the index into a new slice.</summary>
    public static async Task<ShardSlice> LoadAsync(ISurveyIndex index, string roundId, int shard, CancellationToken cancellationToken = default)
    {
        await Loads.WaitAsync(cancellationToken);
        try
        {
            var builder = new ShardSliceBuilder();
            await index.LoadShardAsync(roundId, shard, builder, cancellationToken);
            return builder.Build();
        }
        finally
        {
            Loads.Release();
        }
    }

    /// <summary>The fingerprint of each (institution, sector) group's rows in this slice, as read.</summary>
    public IReadOnlyList<GroupFingerprint> Groups()
    {
        var fingerprints = new GroupFingerprint[groups.Rows.Length];
        for (var g = 0; g < fingerprints.Length; g++)
        {
            fingerprints[g] = new GroupFingerprint(institutionTable[groups.Institutions[g]], (Sector)groups.Sectors[g], groups.Rows[g], groups.Hashes[g]);
        }

        return fingerprints;
    }

    public string Institution(int i) => institutionTable[institutions[i]];

    /// <summary>The institution's index in this slice's table: equal indexes, equal institutions.</summary>
    public int InstitutionIndex(int i) => institutions[i];

    public string Dataset(int i)
    {
        var start = i == 0 ? 0 : datasetEnds[i - 1];
        return Encoding.UTF8.GetString(datasetBytes, start, datasetEnds[i] - start);
    }

    public Sector Sector(int i) => (Sector)sectors[i];

    public Modality Modality(int i) => (Modality)modalities[i];

    public bool Eligible(int i) => eligible[i];

    /// <summary>The rows scored under <paramref name="weights"/>: computed once, kept until other weights are asked for.</summary>
    public ShardScores Scores(IReadOnlyList<int> weights)
    {
        if (_scores is null || !_scores.Weights.SequenceEqual(weights))
        {
            _scores = new ShardScores(this, [.. weights]);
        }

        return _scores;
    }

    /// <summary>
    /// Σ weight × level over the ten levels now (<paramref name="post"/> false) or post: the rubric's
    /// AtusRubric.QuarterPoints, inlined over this slice's packed bytes because a shard runs it for
    /// every record it holds (tests check the two agree).
    /// </summary>
    public int QuarterPoints(int i, int[] weights, bool post)
    {
        var offset = (i * LevelsPerRow) + (post ? 10 : 0);
        var sum = 0;
        for (var c = 0; c < 10; c++)
        {
            sum += weights[c] * levels[offset + c];
        }

        return sum;
    }
}
