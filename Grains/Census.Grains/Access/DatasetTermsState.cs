using Census.Contracts.Access;

namespace Census.Grains.Access;

[GenerateSerializer, Alias("census.DatasetTermsState")]
public sealed class DatasetTermsState
{
    /// <summary>Every agreement version of every tier, in the order published.</summary>
    [Id(0)] public List<Agreement> Agreements { get; set; } = [];

    /// <summary>Each requester's latest acceptance per tier, by <c>{requesterId}/{tier}</c>; the ledger keeps every acceptance.</summary>
    [Id(1)] public Dictionary<string, AgreementAcceptance> Acceptances { get; set; } = [];

    /// <summary>The offer of each release version, by version.</summary>
    [Id(2)] public Dictionary<string, Offer> Offers { get; set; } = [];

    /// <summary>Grants whose flat fee was charged (or that owed none), so a grant is charged once.</summary>
    [Id(3)] public HashSet<string> ChargedGrants { get; set; } = [];

    [Id(4)] public List<OwedEvent> Owed { get; set; } = [];

    /// <summary>The latest offer, until the catalogue has taken it.</summary>
    [Id(5)] public Offer? CatalogueOfferOwed { get; set; }
}
