using System.Text;

namespace Census.Domain.Surveys;

/// <summary>
/// Which shard of a round a record belongs to: FNV-1a (32-bit) of <c>{institutionId}/{datasetId}</c>
/// in UTF-8, modulo the round's shard count. Stable across processes, machines and .NET versions —
/// unlike <see cref="string.GetHashCode()"/> — because ranking shards read their slice by this number.
/// </summary>
public static class Sharding
{
    public static int ShardOf(string institutionId, string datasetId, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(institutionId + "/" + datasetId))
        {
            hash ^= b;
            hash *= prime;
        }

        return (int)(hash % (uint)shardCount);
    }
}
