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
        var hash = FnvOffset;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(datasetId) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(datasetId, buffer)]
            : Encoding.UTF8.GetBytes(datasetId);
        foreach (var b in bytes)
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
        var groups = new Dictionary<string, GroupFingerprint>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var key = Key(part.InstitutionId, part.Sector);
            groups[key] = groups.TryGetValue(key, out var sum)
                ? sum with { Rows = sum.Rows + part.Rows, Hash = unchecked(sum.Hash + part.Hash) }
                : part;
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
