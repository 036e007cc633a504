namespace Census.Contracts.Access;

/// <summary>A request after an operation, or why the operation was refused (nothing changed then).</summary>
[GenerateSerializer, Immutable, Alias("census.AccessResult")]
public sealed record AccessResult(
    [property: Id(0)] AccessRequest? Request,
    [property: Id(1)] AccessRefusalKind? Refusal,
    [property: Id(2)] string? Detail);
