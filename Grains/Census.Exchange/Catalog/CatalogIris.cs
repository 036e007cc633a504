namespace Census.Exchange.Catalog;

/// <summary>
/// The IRIs of the exported catalogue, all under <see cref="CatalogOptions.BaseUrl"/> and built from ids only
/// (ids match <c>^[a-z0-9][a-z0-9-]{1,62}$</c>, so they need no escaping), so the same selection always gets
/// the same IRIs. Dataset IRIs name the census's public page of a selected dataset.
/// </summary>
public sealed class CatalogIris(string baseUrl)
{
    private readonly string _base = baseUrl.TrimEnd('/');

    public string Catalog(string roundId) => $"{_base}/api/v1/rounds/{roundId}/selection/catalog";

    public string Dataset(string roundId, string institutionId, string datasetId) =>
        $"{_base}/catalog/{roundId}/{institutionId}/{datasetId}";

    public string Croissant(string roundId, string institutionId, string datasetId) =>
        $"{_base}/api/v1/rounds/{roundId}/selection/{institutionId}/{datasetId}/croissant";

    /// <summary>The catalogue of released datasets (its DCAT-AP export).</summary>
    public string ReleasedCatalogue() => $"{_base}/api/v1/catalogue/catalog";

    /// <summary>A released dataset: its public page in the console.</summary>
    public string ReleasedDataset(string institutionId, string datasetId) => $"{_base}/console/catalogue/{institutionId}/{datasetId}";

    public string Institution(string institutionId) => $"{_base}/institutions/{institutionId}";

    public string Authority() => $"{_base}/#census-authority";

    public string Metric(string key) => $"{_base}/rubric/atus/v1/metrics/{key}";

    public string ProprietaryLicence(string institutionId) => $"{_base}/institutions/{institutionId}#proprietary-licence";
}
