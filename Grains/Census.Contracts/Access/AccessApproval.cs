namespace Census.Contracts.Access;

/// <summary>One of the two approvals a request needs: who gave it (actor, and the reviewer's principal id), when and why.</summary>
[GenerateSerializer, Immutable, Alias("census.AccessApproval")]
public sealed record AccessApproval(
    [property: Id(0)] string Actor,
    [property: Id(1)] string? PrincipalId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Reason);
