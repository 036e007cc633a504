using System.Text;
using Census.Contracts.Institutions;
using Census.Contracts.Surveys;
using Census.Domain.Validation;
using Census.Grains.Surveys;

namespace Census.Grains.Rankings;

/// <summary>
/// Loads a <see cref="ShardSlice"/> from the index's rows straight into its columns: institution ids interned per shard,
/// sector and modality parsed from their bytes, dataset ids kept as UTF-8, and each group's fingerprint summed as the
/// rows pass — no object per row.
/// </summary>
internal sealed class ShardSliceBuilder : IShardRowSink
{
    private const int LevelsPerRow = 20;

    private readonly List<string> _institutionTable = [];
    private readonly Dictionary<string, int> _institutionIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _institutionLookup;
    private readonly ColumnBuilder<int> _institutions = new();
    private readonly ColumnBuilder<int> _datasetEnds = new();
    private readonly ColumnBuilder<byte> _datasetBytes = new();
    private readonly ColumnBuilder<byte> _sectors = new();
    private readonly ColumnBuilder<byte> _modalities = new();
    private readonly ColumnBuilder<bool> _eligible = new();
    private readonly ColumnBuilder<byte> _levels = new();
    private readonly Dictionary<(int Institution, Sector Sector), (int Rows, ulong Hash)> _groups = [];
    private int _datasetLength;

    public ShardSliceBuilder() => _institutionLookup = _institutionIndex.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Add(ReadOnlySpan<byte> institutionId, ReadOnlySpan<byte> datasetId, ReadOnlySpan<byte> sector, ReadOnlySpan<byte> modality,
        bool eligible, int revision, ReadOnlySpan<byte> levels)
    {
        if (levels.Length != LevelsPerRow)
        {
            throw new ArgumentException($"A row has {LevelsPerRow} levels, not {levels.Length}.", nameof(levels));
        }

        var institution = Intern(institutionId);
        var parsedSector = Names.ParseUtf8<Sector>(sector);
        _institutions.Add(institution);
        _datasetBytes.Add(datasetId);
        _datasetLength += datasetId.Length;
        _datasetEnds.Add(_datasetLength);
        _sectors.Add((byte)parsedSector);
        _modalities.Add((byte)Names.ParseUtf8<Modality>(modality));
        _eligible.Add(eligible);
        _levels.Add(levels);
        var group = (institution, parsedSector);
        var (rows, hash) = _groups.GetValueOrDefault(group);
        _groups[group] = (rows + 1, unchecked(hash + GroupFingerprints.RowHash(datasetId, revision)));
    }

    public ShardSlice Build() => new(
        [.. _institutionTable],
        _institutions.ToArray(),
        _datasetEnds.ToArray(),
        _datasetBytes.ToArray(),
        _sectors.ToArray(),
        _modalities.ToArray(),
        _eligible.ToArray(),
        _levels.ToArray(),
        new ShardGroups(
            [.. _groups.Keys.Select(g => g.Institution)],
            [.. _groups.Keys.Select(g => (byte)g.Sector)],
            [.. _groups.Values.Select(g => g.Rows)],
            [.. _groups.Values.Select(g => g.Hash)]));

    /// <summary>The institution's index in this shard's table; a string is built only the first time an id is seen.</summary>
    private int Intern(ReadOnlySpan<byte> institutionId)
    {
        // UTF-8 never has fewer bytes than the UTF-16 it decodes to has chars.
        Span<char> chars = institutionId.Length <= 256 ? stackalloc char[256] : new char[institutionId.Length];
        chars = chars[..Encoding.UTF8.GetChars(institutionId, chars)];
        if (_institutionLookup.TryGetValue(chars, out var index))
        {
            return index;
        }

        index = _institutionTable.Count;
        var id = new string(chars);
        _institutionTable.Add(id);
        _institutionIndex.Add(id, index);
        return index;
    }
}
