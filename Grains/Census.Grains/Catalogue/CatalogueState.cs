using Census.Contracts.Catalogue;

namespace Census.Grains.Catalogue;

/// <summary>The durable state of the public catalogue: entries, offers and approved uses by dataset key, and the versions still awaited.</summary>
[GenerateSerializer, Alias("census.CatalogueState")]
public sealed class CatalogueState
{
    /// <summary>Every dataset a case told of, listed or not (a not-providable one is kept, never shown).</summary>
    [Id(0)] public Dictionary<string, CatalogueEntry> Entries { get; set; } = [];

    /// <summary>Offers by dataset key, also of datasets not released yet.</summary>
    [Id(1)] public Dictionary<string, CatalogueOffer> Offers { get; set; } = [];

    /// <summary>Approved-uses registers by dataset key.</summary>
    [Id(2)] public Dictionary<string, List<ApprovedUse>> Uses { get; set; } = [];

    /// <summary>Datasets whose feed has not yet delivered the version a case told of: dataset key → that version.</summary>
    [Id(3)] public Dictionary<string, string> Pending { get; set; } = [];
}
