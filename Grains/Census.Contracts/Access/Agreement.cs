namespace Census.Contracts.Access;

/// <summary>
/// Version <see cref="Version"/> of a dataset's agreement for one tier: its text, the SHA-256 of the text's UTF-8
/// bytes (what an acceptance records), and who published it when.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.Agreement")]
public sealed record Agreement(
    [property: Id(0)] Census.Contracts.Provision.ReleaseTier Tier,
    [property: Id(1)] int Version,
    [property: Id(2)] string Title,
    [property: Id(3)] string Text,
    [property: Id(4)] string TextSha256,
    [property: Id(5)] DateTimeOffset PublishedAt,
    [property: Id(6)] string PublishedBy);
