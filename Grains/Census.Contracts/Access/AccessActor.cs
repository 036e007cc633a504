namespace Census.Contracts.Access;

/// <summary>Who acts on a request: the audit actor, in which capacity, and the principal (id, organisation) when a principal key acts.</summary>
[GenerateSerializer, Immutable, Alias("census.AccessActor")]
public sealed record AccessActor(
    [property: Id(0)] string Actor,
    [property: Id(1)] AccessDecider? Capacity,
    [property: Id(2)] Census.Contracts.Principals.PrincipalRef? Principal);
