using Census.Contracts.Institutions;
using Census.Contracts.Surveys;
using Census.Domain.Validation;
using Census.Grains.Surveys;

namespace Census.Grains.Rankings;

/// <summary>
/// A shard's rows held compactly for repeated rankings of a frozen round: institution ids interned,
/// sector and modality as bytes, the 20 levels in one shared byte array (about 100 bytes a record,
/// most of it the dataset id).
/// </summary>
internal sealed class ShardSlice
{
    private readonly List<string> _institutions = [];
    private readonly List<string> _datasets = [];
    private readonly List<byte> _sectors = [];
    private readonly List<byte> _modalities = [];
    private readonly List<bool> _eligible = [];
    private readonly List<byte> _levels = [];
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);

    public int Count => _datasets.Count;

    public static async Task<ShardSlice> LoadAsync(IAsyncEnumerable<ShardRow> rows)
    {
        var slice = new ShardSlice();
        await foreach (var row in rows)
        {
            slice.Add(row);
        }

        return slice;
    }

    private void Add(ShardRow row)
    {
        if (!_interned.TryGetValue(row.InstitutionId, out var institution))
        {
            institution = row.InstitutionId;
            _interned.Add(institution, institution);
        }

        _institutions.Add(institution);
        _datasets.Add(row.DatasetId);
        _sectors.Add((byte)Names.Parse<Sector>(row.Sector));
        _modalities.Add((byte)Names.Parse<Modality>(row.Modality));
        _eligible.Add(row.Eligible);
        _levels.AddRange(row.Levels);
    }

    public string Institution(int i) => _institutions[i];

    public string Dataset(int i) => _datasets[i];

    public Sector Sector(int i) => (Sector)_sectors[i];

    public Modality Modality(int i) => (Modality)_modalities[i];

    public bool Eligible(int i) => _eligible[i];

    /// <summary>
    /// Σ weight × level over the ten levels now (<paramref name="post"/> false) or post: the rubric's
    /// AtusRubric.QuarterPoints, inlined over this slice's packed bytes because a shard runs it for
    /// every record it holds (tests check the two agree).
    /// </summary>
    public int QuarterPoints(int i, int[] weights, bool post)
    {
        var offset = (i * 20) + (post ? 10 : 0);
        var sum = 0;
        for (var c = 0; c < 10; c++)
        {
            sum += weights[c] * _levels[offset + c];
        }

        return sum;
    }
}
