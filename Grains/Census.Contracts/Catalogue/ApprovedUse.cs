namespace Census.Contracts.Catalogue;

/// <summary>
/// One entry of a dataset's approved-uses register: an approved access request, who for and why, and the period of
/// its grant. <see cref="Purpose"/> is the request's purpose by its wire name (<c>research</c>, <c>ai-model-training</c>, …).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.ApprovedUse")]
public sealed record ApprovedUse(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Organisation,
    [property: Id(2)] string Purpose,
    [property: Id(3)] string Summary,
    [property: Id(4)] DateTimeOffset From,
    [property: Id(5)] DateTimeOffset Until);
