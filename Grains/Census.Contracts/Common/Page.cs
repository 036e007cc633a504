namespace Census.Contracts.Common;

/// <summary>One page of a list: the shape every list route returns.</summary>
[GenerateSerializer, Immutable, Alias("census.Page`1")]
public sealed record Page<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1), System.Text.Json.Serialization.JsonPropertyName("page")] int PageNumber,
    [property: Id(2)] int PageSize,
    [property: Id(3)] int Total);
