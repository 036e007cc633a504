namespace Census.Exchange.Catalog;

/// <summary>A finalized selection as the exports read it: the round and its selected datasets, in rank order.</summary>
public sealed record SelectionCatalog(
    string RoundId,
    string RoundTitle,
    DateTimeOffset FinalizedAt,
    int RubricVersion,
    IReadOnlyList<CatalogDataset> Datasets);
