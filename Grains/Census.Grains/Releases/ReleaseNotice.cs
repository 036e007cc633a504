namespace Census.Grains.Releases;

/// <summary>A publication owed to the dataset's processing case: the version and who published it.</summary>
[GenerateSerializer, Immutable, Alias("census.ReleaseNotice")]
public sealed record ReleaseNotice(
    [property: Id(0)] string RoundId,
    [property: Id(1)] string Version,
    [property: Id(2)] string Actor);
