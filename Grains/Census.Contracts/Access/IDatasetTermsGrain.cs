using Orleans.Concurrency;

namespace Census.Contracts.Access;

/// <summary>
/// The terms on which one dataset is provided (key <c>{institutionId}/{datasetId}</c>): its agreements per tier and their
/// versions, who accepted which version, and the offer of each release version.
/// </summary>
[Alias("census.IDatasetTermsGrain")]
public interface IDatasetTermsGrain : IGrainWithStringKey
{
    [Alias("PublishAgreement")]
    Task<Agreement> PublishAgreement(Census.Contracts.Provision.ReleaseTier tier, string title, string text, string actor);

    [Alias("Agreements"), ReadOnly]
    Task<IReadOnlyList<Agreement>> Agreements();

    /// <summary>
    /// Records an acceptance of <paramref name="version"/>, which must be the tier's current agreement; answers the
    /// acceptance, or null with why when there is no such version or it is not the current one.
    /// </summary>
    [Alias("Accept")]
    Task<(AgreementAcceptance? Acceptance, string? Refusal)> Accept(
        Census.Contracts.Provision.ReleaseTier tier, int version, string requesterId, string organisationId, string actor);

    /// <summary>The requester's acceptance of the tier's current agreement; null when they have not accepted it (or there is none).</summary>
    [Alias("CurrentAcceptance"), ReadOnly]
    Task<AgreementAcceptance?> CurrentAcceptance(Census.Contracts.Provision.ReleaseTier tier, string requesterId);

    [Alias("SetOffer")]
    Task<Offer> SetOffer(string version, Pricing pricing, long priceKrw, int? agreementVersion, string actor);

    [Alias("Offer"), ReadOnly]
    Task<Offer?> Offer(string version);

    /// <summary>Records a completed download: the ledger's download event and, when the offer charges per download, a transaction.</summary>
    [Alias("RecordDownload")]
    Task RecordDownload(DownloadRecord download);

    /// <summary>Records the flat fee of a grant, once per grant, when the offer is flat.</summary>
    [Alias("ChargeGrant")]
    Task ChargeGrant(Grant grant);
}
