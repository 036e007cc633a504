using Census.Contracts.Ledger;
using Census.Domain.Ledger;

namespace Census.Domain.Tests.Ledger;

/// <summary>Months as usage and settlements take them, and the lines and sums of a settlement statement.</summary>
public sealed class LedgerFiguresRulesTests
{
    private static LedgerEvent Transaction(string id, string price, string quantity, string total) => new(
        "transaction:" + id, LedgerEventKinds.Transaction, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), "req-1",
        new Dictionary<string, string>
        {
            ["transaction"] = id, ["grant"] = "g", ["requester"] = "r", ["organisation"] = "o", ["organisationKind"] = "company",
            ["version"] = "1.0", ["pricing"] = "per-download", ["priceKrw"] = price, ["quantity"] = quantity, ["totalKrw"] = total,
        });

    [Theory]
    [InlineData("2026-03", true)]
    [InlineData("2026-3", false)]
    [InlineData("2026-13", false)]
    [InlineData("26-03", false)]
    [InlineData("1999-12", false)]
    [InlineData("2026-03-01", false)]
    [InlineData(" 2026-03", false)]
    [InlineData("", false)]
    public void A_month_is_exactly_yyyy_MM(string text, bool valid) => Assert.Equal(valid, LedgerMonths.Parse(text) is not null);

    [Fact]
    public void The_months_between_two_months_include_both_and_cross_years()
    {
        var months = LedgerMonths.Between(LedgerMonths.Parse("2025-11")!.Value, LedgerMonths.Parse("2026-02")!.Value);

        Assert.Equal(["2025-11", "2025-12", "2026-01", "2026-02"], months);
    }

    [Fact]
    public void A_transaction_whose_amounts_are_not_whole_numbers_makes_no_line()
    {
        Assert.Null(Settlements.Line("ds", 1, Transaction("t", "1.5", "1", "1.5")));
        Assert.Null(Settlements.Line("ds", 1, Transaction("t", "-1", "1", "-1")));
        Assert.NotNull(Settlements.Line("ds", 1, Transaction("t", "1000", "2", "2000")));
    }

    [Fact]
    public void A_statement_sums_per_dataset_in_id_order_and_overall()
    {
        var lines = new[]
        {
            Settlements.Line("ds-b", 1, Transaction("t1", "1000", "2", "2000"))!,
            Settlements.Line("ds-a", 4, Transaction("t2", "500", "1", "500"))!,
            Settlements.Line("ds-b", 2, Transaction("t3", "300", "3", "900"))!,
        };

        var statement = Settlements.Build("inst", "2026-03", lines);

        Assert.Equal(["ds-a", "ds-b"], statement.Datasets.Select(d => d.DatasetId));
        Assert.Equal((2L, 5L, 2900L), (statement.Datasets[1].Transactions, statement.Datasets[1].Quantity, statement.Datasets[1].TotalKrw));
        Assert.Equal((3L, 6L, 3400L), (statement.Transactions, statement.Quantity, statement.TotalKrw));
    }
}
