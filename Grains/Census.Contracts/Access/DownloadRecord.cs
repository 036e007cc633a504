namespace Census.Contracts.Access;

/// <summary>A download a requester made under a grant: its id, the file, the bytes sent and whether the file was sent whole.</summary>
[GenerateSerializer, Immutable, Alias("census.DownloadRecord")]
public sealed record DownloadRecord(
    [property: Id(0)] string DownloadId,
    [property: Id(1)] Grant Grant,
    [property: Id(2)] OrganisationKind OrganisationKind,
    [property: Id(3)] string Path,
    [property: Id(4)] long Bytes,
    [property: Id(5)] bool Completed,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string Actor);
