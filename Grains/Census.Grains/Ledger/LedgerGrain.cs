using Census.Contracts.Common;
using Census.Contracts.Ledger;
using Census.Domain.Ledger;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Ledger;

/// <summary>
/// One dataset's ledger (key <c>{institutionId}/{datasetId}</c>). The entries live in <see cref="ILedgerStore"/>, not in
/// grain state; the grain holds only the head (last index and hash), read on activation, and serializes appends so
/// the chain never forks. Should a second activation exist for a moment (a silo failing), the store's keys refuse
/// the loser's insert: it re-reads the head and tries once more.
/// </summary>
[GrainType("ledger")]
public sealed class LedgerGrain(ILedgerStore store, TimeProvider clock, ILogger<LedgerGrain> logger) : Grain, ILedgerGrain
{
    /// <summary>Entries verified per read from the store: a ledger of any length streams through in such pages.</summary>
    internal const int VerifyPageSize = 500;

    private const int MaxPageSize = 500;

    private LedgerEntry? _head;

    private string DatasetKey => this.GetPrimaryKeyString();

    private string InstitutionId => DatasetKey.Split('/')[0];

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _head = await store.HeadAsync(DatasetKey, cancellationToken);

    async Task<LedgerEntry> ILedgerGrain.Append(LedgerEvent ledgerEvent)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        if (LedgerChain.Problem(ledgerEvent) is { } problem)
        {
            throw new ArgumentException(problem, nameof(ledgerEvent));
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await store.FindAsync(DatasetKey, ledgerEvent.Id) is { } existing)
            {
                return existing;
            }

            var entry = LedgerChain.Append(_head, ledgerEvent);
            if (await store.InsertAsync(DatasetKey, InstitutionId, entry))
            {
                _head = entry;
                return entry;
            }

            // Another activation appended meanwhile: continue from what the store holds now.
            _head = await store.HeadAsync(DatasetKey);
            logger.LogWarning("Ledger {Dataset}: entry {Index} was taken by another writer (attempt {Attempt})", DatasetKey, entry.Index, attempt);
            if (attempt == 2)
            {
                throw new InvalidOperationException($"Ledger {DatasetKey}: entry {entry.Index} was taken twice by another writer; the append can be retried.");
            }
        }
    }

    async Task<Page<LedgerEntry>> ILedgerGrain.Read(int page, int pageSize)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), $"page ≥ 1 and 1 ≤ pageSize ≤ {MaxPageSize}.");
        }

        var total = await store.CountAsync(DatasetKey);
        var items = await store.PageAsync(DatasetKey, (long)(page - 1) * pageSize, pageSize);
        return new Page<LedgerEntry>(items, page, pageSize, (int)Math.Min(total, int.MaxValue));
    }

    async Task<LedgerVerification> ILedgerGrain.Verify()
    {
        var verifier = new LedgerChainVerifier();
        var after = long.MinValue;
        while (true)
        {
            var entries = await store.AfterAsync(DatasetKey, after, VerifyPageSize);
            foreach (var entry in entries)
            {
                verifier.Accept(entry);
            }

            if (entries.Count < VerifyPageSize)
            {
                break;
            }

            after = entries[^1].Index;
        }

        var verdict = verifier.Verdict;
        if (!verdict.Ok)
        {
            logger.LogWarning("Ledger {Dataset} is broken at entry {Index}: {Reason}", DatasetKey, verdict.FirstBrokenIndex, verdict.Reason);
        }

        return new LedgerVerification(verdict.Ok, verdict.Entries, verdict.FirstBrokenIndex, verdict.Reason, verdict.HeadHash, clock.GetUtcNow());
    }
}
