using Census.Contracts.Ledger;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Access;

/// <summary>
/// Appends the events a grain owes its dataset's ledger, in order, stopping at the first failure: the grain keeps the
/// rest in its state and tries again later. Event ids are deterministic, so an append that landed but whose answer was
/// lost lands once.
/// </summary>
internal static class LedgerOutbox
{
    /// <summary>Appends what it can from the front of <paramref name="owed"/> and removes it; true when anything was removed.</summary>
    public static async Task<bool> FlushAsync(IGrainFactory grains, List<OwedEvent> owed, ILogger logger)
    {
        var appended = 0;
        foreach (var (datasetKey, ledgerEvent) in owed.Select(o => (o.DatasetKey, o.Event)))
        {
            try
            {
                await grains.GetGrain<ILedgerGrain>(datasetKey).Append(ledgerEvent);
                appended++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not append {EventId} to the ledger of {Dataset}; will retry", ledgerEvent.Id, datasetKey);
                break;
            }
        }

        owed.RemoveRange(0, appended);
        return appended > 0;
    }

    /// <summary>A ledger event with its facts; null facts are left out.</summary>
    public static LedgerEvent Event(string id, string kind, DateTimeOffset at, string actor, params (string Name, string? Value)[] facts) =>
        new(id, kind, at, actor, facts.Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value!, StringComparer.Ordinal));
}
