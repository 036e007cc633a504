using Census.Contracts.Catalogue;
using Census.Contracts.Institutions;
using Census.Contracts.Releases;
using Census.Domain.Catalogue;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Catalogue;

/// <summary>
/// One dataset's feed of the catalogue (<see cref="ICatalogueFeedGrain"/>): reads its release history and publisher
/// and hands them to the catalogue. It holds nothing; a failure is logged and the catalogue asks again.
/// </summary>
[GrainType("catalogue-feed")]
public sealed class CatalogueFeedGrain(ILogger<CatalogueFeedGrain> logger) : Grain, ICatalogueFeedGrain
{
    private const int PageSize = 100;

    async Task ICatalogueFeedGrain.Refresh()
    {
        var key = this.GetPrimaryKeyString();
        try
        {
            var releases = GrainFactory.GetGrain<IReleaseGrain>(key);
            var all = new List<Release>();
            for (var page = 1; ; page++)
            {
                var read = await releases.List(page, PageSize);
                all.AddRange(read.Items);
                if (read.Items.Count < PageSize || all.Count >= read.Total)
                {
                    break;
                }
            }

            var institutionId = key.Split('/')[0];
            var name = (await GrainFactory.GetGrain<IInstitutionGrain>(institutionId).Get())?.Name ?? institutionId;
            await GrainFactory.GetGrain<ICatalogueGrain>(CatalogueKeys.Instance).Versions(key, name, CatalogueRules.Versions(all));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not read the releases of {Dataset} for the catalogue; it will ask again", key);
        }
    }
}
