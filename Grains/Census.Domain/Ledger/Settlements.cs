using System.Globalization;
using Census.Contracts.Ledger;

namespace Census.Domain.Ledger;

/// <summary>A settlement statement from the transaction entries of an institution's datasets in a month.</summary>
public static class Settlements
{
    /// <summary>
    /// The line a <c>transaction</c> event makes, or null when it is not one or its amounts are not whole numbers (such
    /// an event was never written by this product; verify names the entry).
    /// </summary>
    public static SettlementLine? Line(string datasetId, long index, LedgerEvent transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.Kind != LedgerEventKinds.Transaction
            || Amount(transaction, "priceKrw") is not { } price
            || Amount(transaction, "quantity") is not { } quantity
            || Amount(transaction, "totalKrw") is not { } total)
        {
            return null;
        }

        string Fact(string name) => transaction.Facts.GetValueOrDefault(name) ?? "";
        return new SettlementLine(datasetId, index, transaction.At, Fact("transaction"), Fact("grant"), Fact("requester"), Fact("organisation"),
            Fact("organisationKind"), Fact("version"), Fact("pricing"), price, quantity, total);
    }

    /// <summary>The statement: datasets by id (ordinal), each dataset's lines in the order given, sums per dataset and overall.</summary>
    public static SettlementStatement Build(string institutionId, string month, IEnumerable<SettlementLine> lines)
    {
        var datasets = lines
            .GroupBy(l => l.DatasetId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SettlementDataset(g.Key, g.LongCount(), g.Sum(l => l.Quantity), g.Sum(l => l.TotalKrw), [.. g]))
            .ToList();
        return new SettlementStatement(institutionId, month, datasets.Sum(d => d.Transactions), datasets.Sum(d => d.Quantity), datasets.Sum(d => d.TotalKrw), datasets);
    }

    private static long? Amount(LedgerEvent transaction, string fact) =>
        transaction.Facts.TryGetValue(fact, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
