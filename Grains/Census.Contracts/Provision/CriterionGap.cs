namespace Census.Contracts.Provision;

/// <summary>
/// One criterion's delivery gap: the level and points the selection was made on (the promised record's <c>post</c>),
/// those the delivered record has now, and delivered − promised.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.CriterionGap")]
public sealed record CriterionGap(
    [property: Id(0)] string Criterion,
    [property: Id(1)] int PromisedLevel,
    [property: Id(2)] int DeliveredLevel,
    [property: Id(3)] decimal PromisedPoints,
    [property: Id(4)] decimal DeliveredPoints,
    [property: Id(5)] decimal Gap);

/// <summary>A dataset's delivery gap: its total and per criterion.</summary>
[GenerateSerializer, Immutable, Alias("census.PromiseGap")]
public sealed record PromiseGap(
    [property: Id(0)] decimal Promised,
    [property: Id(1)] decimal Delivered,
    [property: Id(2)] decimal Gap,
    [property: Id(3)] IReadOnlyList<CriterionGap> Criteria);
