using System.Globalization;
using Census.Contracts.Access;
using Census.Contracts.Catalogue;
using Census.Contracts.Ledger;
using Census.Contracts.Provision;
using Census.Domain.Access;
using Census.Domain.Validation;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Access;

/// <summary>
/// The terms of one dataset (key <c>{institutionId}/{datasetId}</c>): agreements, acceptances, offers, and the
/// transactions their use owes. Every event is stored here first and appended to the dataset's ledger after.
/// </summary>
[GrainType("dataset-terms")]
public sealed class DatasetTermsGrain(
    [PersistentState("terms", StorageNames.Census)] IPersistentState<DatasetTermsState> state,
    TimeProvider clock,
    ILogger<DatasetTermsGrain> logger) : Grain, IDatasetTermsGrain
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    private IGrainTimer? _retry;

    private string DatasetKey => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => TellLedgerAsync();

    async Task<Agreement> IDatasetTermsGrain.PublishAgreement(ReleaseTier tier, string title, string text, string actor)
    {
        var version = state.State.Agreements.Where(a => a.Tier == tier).Select(a => a.Version).DefaultIfEmpty(0).Max() + 1;
        var agreement = new Agreement(tier, version, title.Trim(), text, AgreementRules.TextSha256(text), clock.GetUtcNow(), actor);
        state.State.Agreements.Add(agreement);
        await state.WriteOrRollBackAsync(this);
        return agreement;
    }

    Task<IReadOnlyList<Agreement>> IDatasetTermsGrain.Agreements() => Task.FromResult<IReadOnlyList<Agreement>>([.. state.State.Agreements]);

    async Task<(AgreementAcceptance? Acceptance, string? Refusal)> IDatasetTermsGrain.Accept(
        ReleaseTier tier, int version, string requesterId, string organisationId, string actor)
    {
        if (AgreementRules.Current(state.State.Agreements, tier) is not { } current)
        {
            return (null, $"The dataset has no agreement for {Names.Of(tier)} data yet.");
        }

        if (current.Version != version)
        {
            return (null, $"Version {version} is not the current agreement for {Names.Of(tier)} data; the current one is version {current.Version}.");
        }

        var key = AcceptanceKey(requesterId, tier);
        if (state.State.Acceptances.TryGetValue(key, out var accepted) && accepted.Version == version)
        {
            return (accepted, null);
        }

        var acceptance = new AgreementAcceptance(requesterId, organisationId, tier, version, current.TextSha256, clock.GetUtcNow(), actor);
        state.State.Acceptances[key] = acceptance;
        state.State.Owed.Add(new OwedEvent(DatasetKey, LedgerOutbox.Event(
            $"{LedgerEventKinds.AgreementAccepted}:{requesterId}:{Names.Of(tier)}:{version}", LedgerEventKinds.AgreementAccepted,
            acceptance.At, actor, ("requester", requesterId), ("organisation", organisationId),
            ("agreementVersion", version.ToString(CultureInfo.InvariantCulture)), ("textSha256", current.TextSha256), ("tier", Names.Of(tier)))));
        await state.WriteOrRollBackAsync(this);
        await TellLedgerAsync();
        return (acceptance, null);
    }

    Task<AgreementAcceptance?> IDatasetTermsGrain.CurrentAcceptance(ReleaseTier tier, string requesterId) =>
        Task.FromResult(
            AgreementRules.Current(state.State.Agreements, tier) is { } current
            && state.State.Acceptances.TryGetValue(AcceptanceKey(requesterId, tier), out var accepted)
            && accepted.Version == current.Version
                ? accepted
                : null);

    async Task<Offer> IDatasetTermsGrain.SetOffer(string version, Pricing pricing, long priceKrw, int? agreementVersion, string actor)
    {
        var offer = new Offer(version, pricing, priceKrw, agreementVersion, clock.GetUtcNow(), actor);
        state.State.Offers[version] = offer;
        state.State.CatalogueOfferOwed = offer;
        state.State.Owed.Add(new OwedEvent(DatasetKey, LedgerOutbox.Event(
            $"{LedgerEventKinds.OfferSet}:{version}:{offer.SetAt.UtcTicks}", LedgerEventKinds.OfferSet, offer.SetAt, actor,
            ("version", version), ("pricing", Names.Of(pricing)), ("priceKrw", priceKrw.ToString(CultureInfo.InvariantCulture)),
            ("agreementVersion", agreementVersion?.ToString(CultureInfo.InvariantCulture)))));
        await state.WriteOrRollBackAsync(this);
        await TellLedgerAsync();
        return offer;
    }

    Task<Offer?> IDatasetTermsGrain.Offer(string version) =>
        Task.FromResult(state.State.Offers.TryGetValue(version, out var offer) ? offer : null);

    async Task IDatasetTermsGrain.RecordDownload(DownloadRecord download)
    {
        var grant = download.Grant;
        var kind = Names.Of(download.OrganisationKind);
        if (!download.Completed)
        {
            state.State.Owed.Add(new OwedEvent(DatasetKey, LedgerOutbox.Event(
                $"{LedgerEventKinds.DownloadStarted}:{download.DownloadId}", LedgerEventKinds.DownloadStarted, download.At, download.Actor,
                ("grant", grant.Id), ("requester", grant.RequesterId), ("organisation", grant.OrganisationId),
                ("version", grant.Version), ("path", download.Path), ("download", download.DownloadId))));
        }
        else
        {
            state.State.Owed.Add(new OwedEvent(DatasetKey, LedgerOutbox.Event(
                $"{LedgerEventKinds.DownloadCompleted}:{download.DownloadId}", LedgerEventKinds.DownloadCompleted, download.At, download.Actor,
                ("grant", grant.Id), ("requester", grant.RequesterId), ("organisation", grant.OrganisationId), ("organisationKind", kind),
                ("version", grant.Version), ("path", download.Path), ("bytes", download.Bytes.ToString(CultureInfo.InvariantCulture)),
                ("download", download.DownloadId))));
            if (OfferRules.DownloadFee(Find(grant.Version)) is { } fee)
            {
                state.State.Owed.Add(Transaction($"tx-{download.DownloadId}", grant, kind, Pricing.PerDownload, fee, download.At, download.Actor));
            }
        }

        await state.WriteOrRollBackAsync(this);
        await TellLedgerAsync();
    }

    async Task IDatasetTermsGrain.ChargeGrant(Grant grant)
    {
        if (!state.State.ChargedGrants.Add(grant.Id))
        {
            return;
        }

        if (OfferRules.GrantFee(Find(grant.Version)) is { } fee)
        {
            var kind = grant.OrganisationKind is { } k ? Names.Of(k) : "unknown";
            state.State.Owed.Add(Transaction($"tx-{grant.Id}", grant, kind, Pricing.Flat, fee, grant.IssuedAt, grant.IssuedBy));
        }

        await state.WriteOrRollBackAsync(this);
        await TellLedgerAsync();
    }

    private Offer? Find(string version) => state.State.Offers.TryGetValue(version, out var offer) ? offer : null;

    private OwedEvent Transaction(string id, Grant grant, string organisationKind, Pricing pricing, long price, DateTimeOffset at, string actor) =>
        new(DatasetKey, LedgerOutbox.Event(
            $"{LedgerEventKinds.Transaction}:{id}", LedgerEventKinds.Transaction, at, actor,
            ("transaction", id), ("grant", grant.Id), ("requester", grant.RequesterId), ("organisation", grant.OrganisationId),
            ("organisationKind", organisationKind), ("version", grant.Version), ("pricing", Names.Of(pricing)),
            ("priceKrw", price.ToString(CultureInfo.InvariantCulture)), ("quantity", "1"),
            ("totalKrw", price.ToString(CultureInfo.InvariantCulture))));

    private async Task TellLedgerAsync()
    {
        var changed = await LedgerOutbox.FlushAsync(GrainFactory, state.State.Owed, logger);
        if (state.State.CatalogueOfferOwed is { } offer)
        {
            try
            {
                await GrainFactory.GetGrain<ICatalogueGrain>(CatalogueKeys.Instance).SetOffer(DatasetKey, new CatalogueOffer(
                    Names.Parse<CataloguePricing>(Names.Of(offer.Pricing)), offer.Pricing == Pricing.Free ? null : offer.PriceKrw,
                    offer.AgreementVersion?.ToString(CultureInfo.InvariantCulture), offer.SetAt));
                state.State.CatalogueOfferOwed = null;
                changed = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not tell the catalogue of the offer of {Dataset}; will retry", DatasetKey);
            }
        }

        if (changed)
        {
            await state.WriteOrRollBackAsync(this);
        }

        if (state.State.Owed.Count > 0 || state.State.CatalogueOfferOwed is not null)
        {
            _retry ??= this.RegisterGrainTimer(_ => TellLedgerAsync(), new GrainTimerCreationOptions(RetryDelay, RetryDelay) { KeepAlive = true });
        }
        else
        {
            _retry?.Dispose();
            _retry = null;
        }
    }

    private static string AcceptanceKey(string requesterId, ReleaseTier tier) => $"{requesterId}/{Names.Of(tier)}";
}
