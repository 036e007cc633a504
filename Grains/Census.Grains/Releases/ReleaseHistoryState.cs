using Census.Contracts.Releases;

namespace Census.Grains.Releases;

/// <summary>The durable state of one dataset's releases: every version's manifest (never its files).</summary>
[GenerateSerializer, Alias("census.ReleaseHistoryState")]
public sealed class ReleaseHistoryState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public List<Release> Releases { get; set; } = [];

    /// <summary>Publications the processing case has not yet been told of (see the grain).</summary>
    [Id(1)] public List<ReleaseNotice> Unnoticed { get; set; } = [];
}
