using Census.Contracts.Institutions;
using Census.Contracts.Surveys;

namespace Census.Contracts.Provision;

/// <summary>A case as lists and reports show it: kept by the round's case board, pushed by the case on every change.</summary>
[GenerateSerializer, Immutable, Alias("census.CaseSummary")]
public sealed record CaseSummary(
    [property: Id(0)] string RoundId,
    [property: Id(1)] string InstitutionId,
    [property: Id(2)] string DatasetId,
    [property: Id(3)] int Rank,
    [property: Id(4)] string Title,
    [property: Id(5)] Sector Sector,
    [property: Id(6)] Modality Modality,
    [property: Id(7)] CaseStatus Status,
    [property: Id(8)] bool PersonalDataPresent,
    [property: Id(9)] int TasksDone,
    [property: Id(10)] int Tasks,
    [property: Id(11)] IReadOnlyList<string> Reviewers,
    [property: Id(12)] IReadOnlyList<string> AwaitingVotes,
    [property: Id(13)] ReleaseTier? Tier,
    [property: Id(14)] PromiseGap? Gap,
    [property: Id(15)] string? LatestRelease,
    [property: Id(16)] int Revision,
    [property: Id(17)] DateTimeOffset UpdatedAt);

/// <summary>The cases of one round (at most its quota): lists, reviewer queues and the promise-gap report read it. Key: the round id.</summary>
[Alias("census.IRoundCasesGrain")]
public interface IRoundCasesGrain : IGrainWithStringKey
{
    /// <summary>Keeps a case's summary; an older revision than the one held is ignored.</summary>
    [Alias("Update")]
    Task Update(CaseSummary summary);

    /// <summary>The round's cases in rank order, optionally those of one institution or awaiting one reviewer.</summary>
    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<CaseSummary>> List(string? institutionId, string? reviewerId);
}
