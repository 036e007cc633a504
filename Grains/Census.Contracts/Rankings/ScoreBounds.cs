using Census.Contracts.Institutions;

namespace Census.Contracts.Rankings;

/// <summary>
/// A shard's sample of one of its best records in a sector: enough for the run to bound how far down each sector's
/// list it must look (<c>CandidatePruning</c> in Census.Domain). Scores in quarter points.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ScoreSample")]
public sealed record ScoreSample(
    [property: Id(0)] Sector Sector,
    [property: Id(1)] int PostQuarterPoints,
    [property: Id(2)] int NowQuarterPoints,
    [property: Id(3)] string InstitutionId);

/// <summary>
/// The lowest (post, now) score of a sector a run still needs: records scoring below it in both orders of the
/// ranking can never be selected. A sector without a threshold needs every record of its group top lists.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ScoreThreshold")]
public sealed record ScoreThreshold(
    [property: Id(0)] Sector Sector,
    [property: Id(1)] int PostQuarterPoints,
    [property: Id(2)] int NowQuarterPoints);
