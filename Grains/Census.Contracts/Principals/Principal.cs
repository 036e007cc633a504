namespace Census.Contracts.Principals;

/// <summary>A registered person acting in one role for one organisation.</summary>
[GenerateSerializer, Immutable, Alias("census.Principal")]
public sealed record Principal(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] PrincipalRole Role,
    [property: Id(3)] string Organisation,
    [property: Id(4)] string? ContactEmail,
    [property: Id(5)] DateTimeOffset CreatedAt);

/// <summary>Who acts: a principal's id and organisation, as a case grain checks them against its own institution.</summary>
[GenerateSerializer, Immutable, Alias("census.PrincipalRef")]
public sealed record PrincipalRef(
    [property: Id(0)] string Id,
    [property: Id(1)] string Organisation);
