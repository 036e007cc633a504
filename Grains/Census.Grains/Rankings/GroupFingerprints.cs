using System.Text;
using Census.Contracts.Institutions;
using Census.Contracts.Rankings;

namespace Census.Grains.Rankings;

/// <summary>
/// The fingerprint of a group of index rows: their count and the sum (mod 2^64) of a stable 64-bit hash of each
/// row's (dataset id, revision). A sum does not depend on the order rows are read in, and shards' parts add up.
/// </summary>
internal static class GroupFingerprints
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>FNV-1a over the dataset id's UTF-8 bytes and the revision: the same on every silo and process.</summary>
    public static ulong RowHash(string datasetId, int revision)
    {
        Span<byte> buffer = stackalloc byte[256];
        return Encoding.UTF8.GetByteCount(datasetId) <= buffer.Length
            ? RowHash(buffer[..Encoding.UTF8.GetBytes(datasetId, buffer)], revision)
            : RowHash(Encoding.UTF8.GetBytes(datasetId), revision);
    }

    /// <summary><see cref="RowHash(string, int)"/> of a dataset id already in UTF-8.</summary>
    public static ulong RowHash(ReadOnlySpan<byte> datasetId, int revision)
    {
        var hash = FnvOffset;
        foreach (var b in datasetId)
        {
            hash = (hash ^ b) * FnvPrime;
        }

        for (var shift = 0; shift < 32; shift += 8)
        {
            hash = (hash ^ (byte)(revision >> shift)) * FnvPrime;
        }

        return hash;
    }

    public static string Key(string institutionId, Sector sector) =>
        institutionId + "/" + Census.Domain.Validation.Names.Of(sector);

    /// <summary>Adds shards' parts of the same groups together, keyed by <see cref="Key"/>.</summary>
    public static Dictionary<string, GroupFingerprint> Combine(IEnumerable<GroupFingerprint> parts)
    {
        // Summed under (institution, sector) first: a group has a part in most shards, and its string key is built once.
        var sums = new Dictionary<(string Institution, Sector Sector), (long Rows, ulong Hash)>();
        foreach (var part in parts)
        {
            var key = (part.InstitutionId, part.Sector);
            var (rows, hash) = sums.GetValueOrDefault(key);
            sums[key] = (rows + part.Rows, unchecked(hash + part.Hash));
        }

        var groups = new Dictionary<string, GroupFingerprint>(sums.Count, StringComparer.Ordinal);
        foreach (var (key, sum) in sums)
        {
            groups.Add(Key(key.Institution, key.Sector), new GroupFingerprint(key.Institution, key.Sector, sum.Rows, sum.Hash));
        }

        return groups;
    }

    /// <summary>The fingerprint of a group as the index holds it now (rows not withdrawn).</summary>
    public static GroupFingerprint Of(string institutionId, Sector sector, IEnumerable<Census.Grains.Surveys.ShardRow> rows)
    {
        var (count, hash) = (0L, 0UL);
        foreach (var row in rows.Where(r => !r.Withdrawn))
        {
            count++;
            hash = unchecked(hash + RowHash(row.DatasetId, row.Revision));
        }

        return new GroupFingerprint(institutionId, sector, count, hash);
    }
}
