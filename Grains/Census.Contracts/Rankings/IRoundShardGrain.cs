using Census.Contracts.Institutions;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;

namespace Census.Contracts.Rankings;

/// <summary>
/// One shard of a round's survey index, for ranking runs. Key: <c>{roundId}/{shard}</c>. It reads its
/// slice of the index in one streaming query, scores it, and returns aggregates plus the exact
/// candidate set of its slice; it never activates dataset grains.
/// </summary>
[Alias("census.IRoundShardGrain")]
public interface IRoundShardGrain : IGrainWithStringKey
{
    [Alias("Rank")]
    Task<ShardRanking> Rank(ShardRankRequest request);
}

/// <summary>
/// What to rank with. <see cref="Frozen"/>: the round is closed, so the slice cannot change and a
/// shard may answer from the rows it already holds.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ShardRankRequest")]
public sealed record ShardRankRequest(
    [property: Id(0)] RubricWeights Weights,
    [property: Id(1)] SelectionPolicy Policy,
    [property: Id(2)] bool Frozen);

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
