using System.Text;
using Census.Contracts.Institutions;
using Census.Contracts.Surveys;
using Census.Domain.Validation;
using Census.Grains.Surveys;

namespace Census.Grains.Rankings;

/// <summary>
/// A shard's rows held compactly for repeated rankings of a frozen round: one array per column, institution ids
/// as indexes into a table of the shard's institutions, dataset ids as UTF-8 in one buffer, sector, modality and
/// eligibility as bytes, the 20 levels side by side — about 40 bytes a record, plus the id's length.
/// </summary>
internal sealed class ShardSlice
{
    private const int LevelsPerRow = 20;

    private readonly List<string> _institutionTable = [];
    private readonly Dictionary<string, int> _institutionIndex = new(StringComparer.Ordinal);
    private int[] _institutions = new int[64];
    private int[] _datasetEnds = new int[64];
    private byte[] _datasetBytes = new byte[1024];
    private byte[] _sectors = new byte[64];
    private byte[] _modalities = new byte[64];
    private bool[] _eligible = new bool[64];
    private byte[] _levels = new byte[64 * LevelsPerRow];
    private readonly Dictionary<(int Institution, Sector Sector), (long Rows, ulong Hash)> _groups = [];

    public int Count { get; private set; }

    public static async Task<ShardSlice> LoadAsync(IAsyncEnumerable<ShardRow> rows)
    {
        var slice = new ShardSlice();
        await foreach (var row in rows)
        {
            slice.Add(row);
        }

        slice.TrimExcess();
        return slice;
    }

    private void Add(ShardRow row)
    {
        if (Count == _institutions.Length)
        {
            Grow(Count * 2);
        }

        if (!_institutionIndex.TryGetValue(row.InstitutionId, out var institution))
        {
            institution = _institutionTable.Count;
            _institutionTable.Add(row.InstitutionId);
            _institutionIndex.Add(row.InstitutionId, institution);
        }

        var start = Count == 0 ? 0 : _datasetEnds[Count - 1];
        var length = Encoding.UTF8.GetByteCount(row.DatasetId);
        if (start + length > _datasetBytes.Length)
        {
            Array.Resize(ref _datasetBytes, Math.Max(_datasetBytes.Length * 2, start + length));
        }

        Encoding.UTF8.GetBytes(row.DatasetId, _datasetBytes.AsSpan(start));
        _datasetEnds[Count] = start + length;
        _institutions[Count] = institution;
        _sectors[Count] = (byte)Names.Parse<Sector>(row.Sector);
        _modalities[Count] = (byte)Names.Parse<Modality>(row.Modality);
        _eligible[Count] = row.Eligible;
        row.Levels.AsSpan(0, LevelsPerRow).CopyTo(_levels.AsSpan(Count * LevelsPerRow));
        var group = (institution, (Sector)_sectors[Count]);
        var (rows, hash) = _groups.GetValueOrDefault(group);
        _groups[group] = (rows + 1, unchecked(hash + GroupFingerprints.RowHash(row.DatasetId, row.Revision)));
        Count++;
    }

    private void Grow(int capacity)
    {
        Array.Resize(ref _institutions, capacity);
        Array.Resize(ref _datasetEnds, capacity);
        Array.Resize(ref _sectors, capacity);
        Array.Resize(ref _modalities, capacity);
        Array.Resize(ref _eligible, capacity);
        Array.Resize(ref _levels, capacity * LevelsPerRow);
    }

    private void TrimExcess()
    {
        Grow(Count);
        Array.Resize(ref _datasetBytes, Count == 0 ? 0 : _datasetEnds[Count - 1]);
        _institutionIndex.Clear();
        _institutionIndex.TrimExcess();
    }

    /// <summary>The fingerprint of each (institution, sector) group's rows in this slice, as read.</summary>
    public IReadOnlyList<Census.Contracts.Rankings.GroupFingerprint> Groups() =>
        [.. _groups.Select(g => new Census.Contracts.Rankings.GroupFingerprint(_institutionTable[g.Key.Institution], g.Key.Sector, g.Value.Rows, g.Value.Hash))];

    public string Institution(int i) => _institutionTable[_institutions[i]];

    public string Dataset(int i)
    {
        var start = i == 0 ? 0 : _datasetEnds[i - 1];
        return Encoding.UTF8.GetString(_datasetBytes, start, _datasetEnds[i] - start);
    }

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
        var offset = (i * LevelsPerRow) + (post ? 10 : 0);
        var sum = 0;
        for (var c = 0; c < 10; c++)
        {
            sum += weights[c] * _levels[offset + c];
        }

        return sum;
    }
}
