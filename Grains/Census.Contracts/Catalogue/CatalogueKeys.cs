namespace Census.Contracts.Catalogue;

/// <summary>The catalogue grain's one key, and how a dataset is named in it.</summary>
public static class CatalogueKeys
{
    public const string Instance = "public";

    public static string Dataset(string institutionId, string datasetId) => $"{institutionId}/{datasetId}";
}
