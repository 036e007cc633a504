using Census.Contracts.Institutions;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;

namespace Census.Contracts.Rankings;

/// <summary>A ranking run's lifecycle.</summary>
public enum RunState { Running, Completed, Infeasible, Failed }

/// <summary>What a run ranks with, fixed when it starts: same definition, same index → same result.</summary>
[GenerateSerializer, Immutable, Alias("census.RankingRunDefinition")]
public sealed record RankingRunDefinition(
    [property: Id(0)] string RoundId,
    [property: Id(1)] string RunId,
    [property: Id(2)] int RubricVersion,
    [property: Id(3)] RubricWeights Weights,
    [property: Id(4)] SelectionPolicy Policy,
    [property: Id(5)] int ShardCount,
    [property: Id(6)] bool Frozen,
    [property: Id(7)] DateTimeOffset StartedAt,
    [property: Id(8)] string StartedBy);

/// <summary>A ranking run as the API returns it (api.md "Rankings and selection").</summary>
[GenerateSerializer, Immutable, Alias("census.RankingRun")]
public sealed record RankingRun(
    [property: Id(0)] string RunId,
    [property: Id(1)] RunState State,
    [property: Id(2)] int RubricVersion,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset? CompletedAt,
    [property: Id(5)] long Scored,
    [property: Id(6)] long Eligible,
    [property: Id(7)] decimal TotalScore,
    [property: Id(8)] string? Reason,
    [property: Id(9)] IReadOnlyList<SelectedRecord> Selection);

/// <summary>One selected record, in ranking order; <see cref="Rank"/> is 1-based.</summary>
[GenerateSerializer, Immutable, Alias("census.SelectedRecord")]
public sealed record SelectedRecord(
    [property: Id(0)] int Rank,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] string DatasetId,
    [property: Id(3)] Sector Sector,
    [property: Id(4)] Modality Modality,
    [property: Id(5)] decimal Now,
    [property: Id(6)] decimal Post);

/// <summary>Why a record is, or is not, in a run's selection.</summary>
[GenerateSerializer, Immutable, Alias("census.Explanation")]
public sealed record Explanation(
    [property: Id(0)] bool Selected,
    [property: Id(1)] int? Rank,
    [property: Id(2)] decimal Post,
    [property: Id(3)] decimal Now,
    [property: Id(4)] string Why,
    [property: Id(5)] string Detail);

/// <summary>One ranking run of a round. Key: <c>{roundId}/{runId}</c>.</summary>
[Alias("census.IRankingRunGrain")]
public interface IRankingRunGrain : IGrainWithStringKey
{
    /// <summary>Persists the run as running, then ranks in the background; idempotent.</summary>
    [Alias("Start")]
    Task<RankingRun> Start(RankingRunDefinition definition);

    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<RankingRun?> Get();

    /// <summary>Null when the run or the record is unknown.</summary>
    [ResponseTimeout("00:00:30")]
    [Alias("Explain"), Orleans.Concurrency.ReadOnly]
    Task<Explanation?> Explain(string institutionId, string datasetId, CancellationToken cancellationToken = default);

    /// <summary>The finished run's selection, for finalizing the round; null unless completed.</summary>
    [Alias("CompletedSelection"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<SelectedRecord>?> CompletedSelection();
}
