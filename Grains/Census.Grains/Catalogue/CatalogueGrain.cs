using Census.Contracts.Catalogue;
using Census.Contracts.Common;
using Census.Domain.Catalogue;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Catalogue;

/// <summary>
/// The public catalogue (<see cref="ICatalogueGrain"/>): one activation for every released dataset, hundreds of them.
/// It is kept off the hot path by the gateway, which caches the public GET answers for about ten seconds
/// (<c>AddOutputCache</c>/<c>CacheOutput</c> in CatalogueApi), so anonymous readers cost it a call per distinct
/// question per expiry, not a call each. A case's release is stored first; the versions come from the dataset's
/// feed afterwards (one-way, asked again every <see cref="RetryAfter"/> until they arrive), because waiting on a
/// release grain here could close the circle release → case → catalogue → release.
/// </summary>
[GrainType("catalogue")]
public sealed class CatalogueGrain(
    [PersistentState("catalogue", StorageNames.Census)] IPersistentState<CatalogueState> state,
    TimeProvider clock,
    ILogger<CatalogueGrain> logger) : Grain, ICatalogueGrain
{
    /// <summary>How often the feeds of datasets whose versions are still awaited are asked again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private IGrainTimer? _retry;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Pending.Count > 0)
        {
            Arm();
            AskFeeds();
        }

        return Task.CompletedTask;
    }

    async Task ICatalogueGrain.Released(CatalogueRelease release)
    {
        var key = CatalogueKeys.Dataset(release.InstitutionId, release.DatasetId);
        var existing = state.State.Entries.GetValueOrDefault(key);
        if (existing is not null && existing.Versions.Any(v => v.Version == release.Version))
        {
            return;
        }

        var record = release.Record;
        state.State.Entries[key] = new CatalogueEntry(
            release.InstitutionId, release.DatasetId, record.Title!, record.Description, existing?.InstitutionName ?? release.InstitutionId,
            release.Sector, record.Modality!.Value, release.Tier, record.License!.Value, record.Formats ?? [],
            existing?.Versions ?? [], null, [], release.RoundId, clock.GetUtcNow());
        state.State.Pending[key] = release.Version;
        await state.WriteOrRollBackAsync(this);
        logger.LogInformation("Catalogue told of release {Version} of {Dataset}", release.Version, key);
        Arm();
        AskFeed(key);
    }

    async Task ICatalogueGrain.Versions(string datasetKey, string institutionName, IReadOnlyList<CatalogueVersion> versions)
    {
        if (state.State.Entries.GetValueOrDefault(datasetKey) is not { } entry)
        {
            return;
        }

        state.State.Entries[datasetKey] = entry with { InstitutionName = institutionName, Versions = versions, UpdatedAt = clock.GetUtcNow() };
        if (state.State.Pending.TryGetValue(datasetKey, out var awaited) && versions.Any(v => v.Version == awaited))
        {
            state.State.Pending.Remove(datasetKey);
        }

        await state.WriteOrRollBackAsync(this);
        if (state.State.Pending.Count == 0)
        {
            _retry?.Dispose();
            _retry = null;
        }
    }

    async Task ICatalogueGrain.SetOffer(string datasetKey, CatalogueOffer offer)
    {
        CheckKey(datasetKey);
        state.State.Offers[datasetKey] = offer;
        await state.WriteOrRollBackAsync(this);
    }

    async Task ICatalogueGrain.AddApprovedUse(string datasetKey, ApprovedUse use)
    {
        CheckKey(datasetKey);
        var uses = state.State.Uses.GetValueOrDefault(datasetKey) ?? [];
        state.State.Uses[datasetKey] = [.. CatalogueRules.WithUse(uses, use)];
        await state.WriteOrRollBackAsync(this);
    }

    Task<Page<CatalogueEntry>> ICatalogueGrain.List(CatalogueQuery query)
    {
        var page = CatalogueRules.Search(state.State.Entries.Values, query);
        return Task.FromResult(page with { Items = [.. page.Items.Select(Complete)] });
    }

    Task<CatalogueEntry?> ICatalogueGrain.Get(string datasetKey) =>
        Task.FromResult(state.State.Entries.GetValueOrDefault(datasetKey) is { } entry && CatalogueRules.IsListed(entry) ? Complete(entry) : null);

    Task<IReadOnlyList<CatalogueEntry>> ICatalogueGrain.All() =>
        Task.FromResult<IReadOnlyList<CatalogueEntry>>([.. state.State.Entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Value)
            .Where(CatalogueRules.IsListed)
            .Select(Complete)]);

    private CatalogueEntry Complete(CatalogueEntry entry)
    {
        var key = CatalogueKeys.Dataset(entry.InstitutionId, entry.DatasetId);
        return entry with
        {
            Offer = state.State.Offers.GetValueOrDefault(key),
            ApprovedUses = state.State.Uses.GetValueOrDefault(key) is { } uses ? [.. uses] : [],
        };
    }

    private void Arm() =>
        _retry ??= this.RegisterGrainTimer(_ =>
        {
            AskFeeds();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(RetryAfter, RetryAfter) { KeepAlive = true });

    private void AskFeeds()
    {
        foreach (var key in state.State.Pending.Keys)
        {
            AskFeed(key);
        }
    }

    // One-way: the call is queued and this turn goes on; a feed that fails is asked again by the timer.
    private void AskFeed(string datasetKey) => _ = GrainFactory.GetGrain<ICatalogueFeedGrain>(datasetKey).Refresh();

    private static void CheckKey(string datasetKey)
    {
        if (!CatalogueRules.IsDatasetKey(datasetKey))
        {
            throw new ArgumentException($"'{datasetKey}' is not a dataset key ({{institutionId}}/{{datasetId}}).", nameof(datasetKey));
        }
    }
}
