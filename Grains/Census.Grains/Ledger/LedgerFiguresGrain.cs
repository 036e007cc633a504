using Census.Contracts.Ledger;
using Census.Domain.Ledger;
using Orleans.Concurrency;

namespace Census.Grains.Ledger;

/// <summary>
/// Usage, settlement and demand figures, read with SQL from the ledgers' table; nothing is replayed in memory beyond
/// the month or period asked for. Stateless: every silo may answer.
/// </summary>
[GrainType("ledger-figures"), StatelessWorker]
public sealed class LedgerFiguresGrain(ILedgerStore store) : Grain, ILedgerFiguresGrain
{
    /// <summary>The requester kinds every month lists (the <c>organisationKind</c> fact), with zeros where none downloaded.</summary>
    public static readonly IReadOnlyList<string> RequesterKinds = ["company", "university", "research-institute", "public-body", "individual-researcher"];

    private static readonly UsageFigures None = new(0, 0, 0, 0);

    async Task<DatasetUsage> ILedgerFiguresGrain.Usage(string institutionId, string datasetId, string fromMonth, string toMonth)
    {
        var from = LedgerMonths.Parse(fromMonth) ?? throw new ArgumentException("Not a month (yyyy-MM).", nameof(fromMonth));
        var to = LedgerMonths.Parse(toMonth) ?? throw new ArgumentException("Not a month (yyyy-MM).", nameof(toMonth));
        if (from > to)
        {
            throw new ArgumentException("from is after to.", nameof(fromMonth));
        }

        var rows = await store.UsageAsync($"{institutionId}/{datasetId}", from, to.AddMonths(1));
        var months = LedgerMonths.Between(from, to).Select(month =>
        {
            var ofMonth = rows.Where(r => r.Month == month).ToList();
            var kinds = ofMonth.Where(r => r.OrganisationKind is not null).ToDictionary(r => r.OrganisationKind!, r => r.Figures, StringComparer.Ordinal);
            var others = kinds.Keys.Except(RequesterKinds, StringComparer.Ordinal).Order(StringComparer.Ordinal);
            return new UsageMonth(
                month,
                ofMonth.FirstOrDefault(r => r.OrganisationKind is null)?.Figures ?? None,
                [.. RequesterKinds.Concat(others).Select(kind => new UsageByKind(kind, kinds.GetValueOrDefault(kind) ?? None))]);
        });
        return new DatasetUsage(institutionId, datasetId, fromMonth, toMonth, [.. months]);
    }

    async Task<SettlementStatement> ILedgerFiguresGrain.Settlement(string institutionId, string month)
    {
        var start = LedgerMonths.Parse(month) ?? throw new ArgumentException("Not a month (yyyy-MM).", nameof(month));
        var rows = await store.TransactionsAsync(institutionId, start, start.AddMonths(1));
        var lines = rows
            .Select(r => (r.DatasetKey, r.Entry, Event: LedgerJson.TryParse(r.Entry.Event, out _)))
            .Where(r => r.Event is not null)
            .Select(r => Settlements.Line(r.DatasetKey[(r.DatasetKey.IndexOf('/', StringComparison.Ordinal) + 1)..], r.Entry.Index, r.Event!))
            .OfType<Contracts.Ledger.SettlementLine>();
        return Settlements.Build(institutionId, month, lines);
    }

    Task<IReadOnlyList<DatasetDemand>> ILedgerFiguresGrain.Demand(DateTimeOffset from, DateTimeOffset to) => store.DemandAsync(from, to);
}
