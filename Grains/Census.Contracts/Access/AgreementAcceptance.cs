namespace Census.Contracts.Access;

/// <summary>A requester's acceptance of one agreement version: who, for which organisation, when, and the text's SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("census.AgreementAcceptance")]
public sealed record AgreementAcceptance(
    [property: Id(0)] string RequesterId,
    [property: Id(1)] string OrganisationId,
    [property: Id(2)] Census.Contracts.Provision.ReleaseTier Tier,
    [property: Id(3)] int Version,
    [property: Id(4)] string TextSha256,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] string Actor);
