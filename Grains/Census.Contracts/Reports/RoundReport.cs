using Census.Contracts.Institutions;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;

namespace Census.Contracts.Reports;

/// <summary>A round's holdings by institution and by sector (api.md "Reports").</summary>
[GenerateSerializer, Immutable, Alias("census.RoundReport")]
public sealed record RoundReport(
    [property: Id(0)] string RoundId,
    [property: Id(1)] int RubricVersion,
    [property: Id(2)] bool Finalized,
    [property: Id(3)] IReadOnlyList<InstitutionReport> Institutions,
    [property: Id(4)] IReadOnlyList<SectorReport> Sectors);

/// <summary>
/// One institution's line: invitation and status, datasets reported (not withdrawn) by modality and
/// by availability now, how many are eligible, mean scores under the round's current rubric, and
/// how many were selected (null until the round is finalized).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.InstitutionReport")]
public sealed record InstitutionReport(
    [property: Id(0)] string InstitutionId,
    [property: Id(1)] string? Name,
    [property: Id(2)] Sector? Sector,
    [property: Id(3)] bool Invited,
    [property: Id(4)] AssignmentStatus? Status,
    [property: Id(5)] long Datasets,
    [property: Id(6)] IReadOnlyDictionary<Modality, long> ByModality,
    [property: Id(7)] IReadOnlyDictionary<AvailabilityScope, long> ByAvailability,
    [property: Id(8)] long Eligible,
    [property: Id(9)] decimal? MeanNow,
    [property: Id(10)] decimal? MeanPost,
    [property: Id(11)] int? Selected);

/// <summary>One sector's line (a dataset's own sector, which defaults to its institution's).</summary>
[GenerateSerializer, Immutable, Alias("census.SectorReport")]
public sealed record SectorReport(
    [property: Id(0)] Sector Sector,
    [property: Id(1)] int Institutions,
    [property: Id(2)] long Datasets,
    [property: Id(3)] IReadOnlyDictionary<Modality, long> ByModality,
    [property: Id(4)] IReadOnlyDictionary<AvailabilityScope, long> ByAvailability,
    [property: Id(5)] long Eligible,
    [property: Id(6)] decimal? MeanNow,
    [property: Id(7)] decimal? MeanPost,
    [property: Id(8)] int? Selected);
