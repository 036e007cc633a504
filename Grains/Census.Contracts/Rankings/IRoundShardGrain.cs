using Census.Contracts.Institutions;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;

namespace Census.Contracts.Rankings;

/// <summary>
/// One shard of a round's survey index, for ranking runs. Key: <c>{roundId}/{shard}</c>. It reads its
/// slice of the index in one streaming query and scores it; it never activates dataset grains. A run asks
/// every shard twice: first for aggregates and a small sample of each sector's best records, then — with
/// per-sector thresholds the samples prove safe — for the records that can still be selected.
/// </summary>
[Alias("census.IRoundShardGrain")]
public interface IRoundShardGrain : IGrainWithStringKey
{
    /// <summary>Counts, and per sector the best few records of this shard (at most <paramref name="perSector"/>).</summary>
    [Alias("Sample")]
    Task<ShardSample> Sample(ShardRankRequest request, int perSector);

    /// <summary>
    /// The group top lists of this shard, in ranking order, keeping of each sector with a threshold only the
    /// records at or above it; with no thresholds, every group top list: the exact candidate set of the slice.
    /// </summary>
    [Alias("Candidates")]
    Task<ShardRanking> Candidates(ShardRankRequest request, IReadOnlyList<ScoreThreshold> thresholds);
}

/// <summary>
/// A shard's first answer: how many records it scored, how many are eligible, its samples, and a fingerprint of each
/// (institution, sector) group it holds rows of (a group may span shards: fingerprints add).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ShardSample")]
public sealed record ShardSample(
    [property: Id(0)] int Shard,
    [property: Id(1)] long Scored,
    [property: Id(2)] long Eligible,
    [property: Id(3)] IReadOnlyList<ScoreSample> Samples,
    [property: Id(4)] IReadOnlyList<GroupFingerprint>? Groups = null);

/// <summary>
/// What to rank with. <see cref="Frozen"/>: the round is closed, so the slice cannot change and a
/// shard may answer from the rows it already holds. <see cref="RunId"/>: an open round's slice is read
/// once per run and kept for that run's second question, so both answers describe the same rows.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ShardRankRequest")]
public sealed record ShardRankRequest(
    [property: Id(0)] RubricWeights Weights,
    [property: Id(1)] SelectionPolicy Policy,
    [property: Id(2)] bool Frozen,
    [property: Id(3)] string RunId = "");

/// <summary>A shard's answer: how many records it scored, how many are eligible, and its candidates.</summary>
[GenerateSerializer, Immutable, Alias("census.ShardRanking")]
public sealed record ShardRanking(
    [property: Id(0)] int Shard,
    [property: Id(1)] long Scored,
    [property: Id(2)] long Eligible,
    [property: Id(3)] IReadOnlyList<RankedRecord> Candidates);

/// <summary>A scored, eligible record; scores in quarter points (4 × score), exact.</summary>
[GenerateSerializer, Immutable, Alias("census.RankedRecord")]
public sealed record RankedRecord(
    [property: Id(0)] string InstitutionId,
    [property: Id(1)] string DatasetId,
    [property: Id(2)] Sector Sector,
    [property: Id(3)] Modality Modality,
    [property: Id(4)] int PostQuarterPoints,
    [property: Id(5)] int NowQuarterPoints);
