namespace Census.Grains.Releases;

/// <summary>
/// The <c>Census:Releases</c> section: where the content-addressed store of released files is. In local mode it
/// defaults to <c>{DataDirectory}/releases</c>; in cluster mode it is required, a volume every gateway mounts, so an
/// upload begun through one gateway can be continued and downloaded through any other.
/// </summary>
public sealed class ReleaseStoreOptions
{
    public string? StorePath { get; set; }
}
