using Census.Contracts.Common;
using Orleans.Concurrency;

namespace Census.Contracts.Catalogue;

/// <summary>
/// The public catalogue of released datasets (provision.md §2 "Public catalogue"). One instance, key
/// <see cref="CatalogueKeys.Instance"/>: released datasets number in the hundreds, so one grain holds them all, and
/// the gateway keeps it off the hot path by caching its public GET answers for a few seconds (output caching).
/// Dataset keys are <c>{institutionId}/{datasetId}</c>. A dataset whose tier is not-providable is never listed.
/// </summary>
[Alias("census.ICatalogueGrain")]
public interface ICatalogueGrain : IGrainWithStringKey
{
    /// <summary>
    /// A processing case published a release (its state already durable): the entry takes the title, licence and
    /// modality of the case's delivered record and its decided tier; the versions are read from the dataset's
    /// release grain after this call returns. Idempotent: the same release told twice changes nothing more.
    /// </summary>
    [Alias("Released")]
    Task Released(CatalogueRelease release);

    /// <summary>
    /// The dataset's published versions and publisher name as its feed read them (see <see cref="ICatalogueFeedGrain"/>);
    /// the catalogue keeps asking for them until they include the version a case told it of.
    /// </summary>
    [Alias("Versions")]
    Task Versions(string datasetKey, string institutionName, IReadOnlyList<CatalogueVersion> versions);

    /// <summary>Sets (replaces) the dataset's offer; kept even before the dataset is released, shown once it is.</summary>
    [Alias("SetOffer")]
    Task SetOffer(string datasetKey, CatalogueOffer offer);

    /// <summary>Adds an approved use to the dataset's register; idempotent by <see cref="ApprovedUse.RequestId"/> (a later call replaces it).</summary>
    [Alias("AddApprovedUse")]
    Task AddApprovedUse(string datasetKey, ApprovedUse use);

    /// <summary>The listed entries matching the query, ordered by title then key, a page at a time.</summary>
    [Alias("List")]
    Task<Page<CatalogueEntry>> List(CatalogueQuery query);

    /// <summary>A listed entry; null when the dataset is unknown, unreleased or not providable.</summary>
    [Alias("Get")]
    Task<CatalogueEntry?> Get(string datasetKey);

    /// <summary>Every listed entry (for the DCAT-AP export): hundreds, not more.</summary>
    [Alias("All")]
    Task<IReadOnlyList<CatalogueEntry>> All();
}
