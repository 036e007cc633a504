using Orleans.Concurrency;

namespace Census.Contracts.Catalogue;

/// <summary>
/// Reads one dataset's published versions and publisher for the catalogue (key <c>{institutionId}/{datasetId}</c>)
/// and hands them to <see cref="ICatalogueGrain.Versions"/>. It exists so the catalogue never waits on a release grain:
/// a release grain tells its case, the case tells the catalogue, so a catalogue turn waiting on a release grain would
/// close that circle. The catalogue calls it one-way and asks again until the versions arrive.
/// </summary>
[Alias("census.ICatalogueFeedGrain")]
public interface ICatalogueFeedGrain : IGrainWithStringKey
{
    [Alias("Refresh"), OneWay]
    Task Refresh();
}
