using Orleans.Concurrency;

namespace Census.Contracts.Ledger;

/// <summary>
/// Figures read from the ledgers' table with SQL (never by replaying entries): usage per dataset and month, settlement
/// statements per providing institution and month, and demand per dataset for the round's reports. Stateless: any
/// silo answers (key 0).
/// </summary>
[Alias("census.ILedgerFiguresGrain")]
public interface ILedgerFiguresGrain : IGrainWithIntegerKey
{
    /// <summary>Usage of one dataset for every month from <paramref name="fromMonth"/> to <paramref name="toMonth"/> (yyyy-MM, both included).</summary>
    [Alias("Usage"), ReadOnly]
    Task<DatasetUsage> Usage(string institutionId, string datasetId, string fromMonth, string toMonth);

    /// <summary>The institution's settlement statement for a month (yyyy-MM).</summary>
    [Alias("Settlement"), ReadOnly]
    Task<SettlementStatement> Settlement(string institutionId, string month);

    /// <summary>Demand per dataset from <paramref name="from"/> (included) to <paramref name="to"/> (excluded); datasets without any left out.</summary>
    [Alias("Demand"), ReadOnly]
    Task<IReadOnlyList<DatasetDemand>> Demand(DateTimeOffset from, DateTimeOffset to);
}
