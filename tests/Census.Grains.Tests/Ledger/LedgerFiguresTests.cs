using Census.Contracts.Ledger;

namespace Census.Grains.Tests.Ledger;

/// <summary>Usage, settlement statements and demand, read with SQL from appended entries (the local SQLite store).</summary>
[Collection(LedgerCollection.Name)]
public sealed class LedgerFiguresTests(LedgerClusterFixture fixture)
{
    private static readonly DateTimeOffset April = new(2026, 4, 2, 8, 0, 0, TimeSpan.Zero);

    private ILedgerFiguresGrain Figures => fixture.Client.GetGrain<ILedgerFiguresGrain>(0);

    [Fact]
    public async Task Usage_counts_completed_downloads_per_month_and_requester_kind()
    {
        var institution = UniqueIds.Next();
        var ledger = fixture.Client.GetGrain<ILedgerGrain>($"{institution}/ds-1");
        await ledger.Append(LedgerEvents.Downloaded("d-1", "req-1", "org-1", "university", 100, LedgerEvents.March));
        await ledger.Append(LedgerEvents.Downloaded("d-2", "req-1", "org-1", "university", 50, LedgerEvents.March.AddDays(1)));
        await ledger.Append(LedgerEvents.Downloaded("d-3", "req-2", "org-2", "company", 7, LedgerEvents.March.AddDays(2)));
        await ledger.Append(LedgerEvents.Downloaded("d-4", "req-3", "org-2", "company", 1, April));
        await ledger.Append(LedgerEvents.GrantIssued("g-9", LedgerEvents.March));

        var usage = await Figures.Usage(institution, "ds-1", "2026-02", "2026-04");

        Assert.Equal(["2026-02", "2026-03", "2026-04"], usage.Months.Select(m => m.Month));
        Assert.Equal(new UsageFigures(0, 0, 0, 0), usage.Months[0].Total);
        var march = usage.Months[1];
        Assert.Equal(new UsageFigures(3, 157, 2, 2), march.Total);
        Assert.Equal(new UsageFigures(2, 150, 1, 1), march.ByKind.Single(k => k.OrganisationKind == "university").Figures);
        Assert.Equal(new UsageFigures(1, 7, 1, 1), march.ByKind.Single(k => k.OrganisationKind == "company").Figures);
        Assert.Equal(["company", "university", "research-institute", "public-body", "individual-researcher"], march.ByKind.Select(k => k.OrganisationKind));
        Assert.Equal(new UsageFigures(1, 1, 1, 1), usage.Months[2].Total);
    }

    [Fact]
    public async Task A_settlement_statement_sums_each_datasets_transactions_of_the_month_and_all_of_them()
    {
        var institution = UniqueIds.Next();
        var first = fixture.Client.GetGrain<ILedgerGrain>($"{institution}/ds-b");
        var second = fixture.Client.GetGrain<ILedgerGrain>($"{institution}/ds-a");
        await first.Append(LedgerEvents.Transaction("t-1", 1000, 2, LedgerEvents.March));
        await first.Append(LedgerEvents.Transaction("t-2", 500, 1, LedgerEvents.March.AddDays(3)));
        await second.Append(LedgerEvents.Transaction("t-3", 30000, 1, LedgerEvents.March));
        await second.Append(LedgerEvents.Transaction("t-4", 30000, 1, April));
        await fixture.Client.GetGrain<ILedgerGrain>($"{UniqueIds.Next()}/ds-a").Append(LedgerEvents.Transaction("t-5", 9, 9, LedgerEvents.March));

        var statement = await Figures.Settlement(institution, "2026-03");

        Assert.Equal(["ds-a", "ds-b"], statement.Datasets.Select(d => d.DatasetId));
        Assert.Equal(30000, statement.Datasets[0].TotalKrw);
        Assert.Equal(2500, statement.Datasets[1].TotalKrw);
        Assert.Equal(["t-1", "t-2"], statement.Datasets[1].Lines.Select(l => l.Transaction));
        Assert.Equal(3, statement.Transactions);
        Assert.Equal(32500, statement.TotalKrw);
    }

    [Fact]
    public async Task Demand_counts_requests_grants_and_downloads_per_dataset_in_the_period()
    {
        var key = $"{UniqueIds.Next()}/ds-1";
        var ledger = fixture.Client.GetGrain<ILedgerGrain>(key);
        var at = new DateTimeOffset(2031, 5, 1, 0, 0, 0, TimeSpan.Zero);
        await ledger.Append(LedgerEvents.Requested("r-1", at));
        await ledger.Append(LedgerEvents.Requested("r-2", at.AddHours(1)));
        await ledger.Append(LedgerEvents.GrantIssued("g-1", at.AddHours(2)));
        await ledger.Append(LedgerEvents.Downloaded("d-1", "req-1", "org-1", "company", 5, at.AddHours(3)));
        await ledger.Append(LedgerEvents.Requested("r-3", at.AddMonths(1)));

        var demand = await Figures.Demand(at, at.AddMonths(1));

        Assert.Equal(new DatasetDemand(key, 2, 1, 1), Assert.Single(demand, d => d.DatasetKey == key));
    }
}
