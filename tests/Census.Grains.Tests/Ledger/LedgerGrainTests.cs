using Census.Contracts.Ledger;
using Census.Domain.Ledger;

namespace Census.Grains.Tests.Ledger;

[Collection(LedgerCollection.Name)]
public sealed class LedgerGrainTests(LedgerClusterFixture fixture)
{
    private static string NewKey() => $"{UniqueIds.Next()}/ds-1";

    [Fact]
    public async Task Appended_events_are_chained_in_order_and_verify()
    {
        var ledger = fixture.Client.GetGrain<ILedgerGrain>(NewKey());

        var first = await ledger.Append(LedgerEvents.GrantIssued("g-1"));
        var second = await ledger.Append(LedgerEvents.GrantIssued("g-2"));
        var third = await ledger.Append(LedgerEvents.GrantIssued("g-3"));

        Assert.Equal([1L, 2L, 3L], [first.Index, second.Index, third.Index]);
        Assert.Equal(LedgerChain.Next(LedgerChain.Genesis, first.Event), first.Hash);
        Assert.Equal(LedgerChain.Next(second.Hash, third.Event), third.Hash);
        var verification = await ledger.Verify();
        Assert.True(verification.Ok);
        Assert.Equal(3, verification.Entries);
        Assert.Null(verification.FirstBrokenIndex);
        Assert.Equal(third.Hash, verification.HeadHash);
    }

    [Fact]
    public async Task An_event_appended_again_answers_its_entry_and_adds_nothing()
    {
        var key = NewKey();
        var ledger = fixture.Client.GetGrain<ILedgerGrain>(key);
        var first = await ledger.Append(LedgerEvents.GrantIssued("g-1"));
        await ledger.Append(LedgerEvents.GrantIssued("g-2"));

        var again = await ledger.Append(LedgerEvents.GrantIssued("g-1", LedgerEvents.March.AddDays(1)));

        Assert.Equal(first, again);
        Assert.Equal(2, await fixture.Store.CountAsync(key));
    }

    [Fact]
    public async Task A_ledger_deactivated_and_activated_again_continues_its_chain()
    {
        var key = NewKey();
        await fixture.Client.GetGrain<ILedgerGrain>(key).Append(LedgerEvents.GrantIssued("g-1"));
        var second = await fixture.Client.GetGrain<ILedgerGrain>(key).Append(LedgerEvents.GrantIssued("g-2"));
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var third = await fixture.Client.GetGrain<ILedgerGrain>(key).Append(LedgerEvents.GrantIssued("g-3"));

        Assert.Equal(3, third.Index);
        Assert.Equal(LedgerChain.Next(second.Hash, third.Event), third.Hash);
        Assert.True((await fixture.Client.GetGrain<ILedgerGrain>(key).Verify()).Ok);
    }

    [Fact]
    public async Task An_entry_another_writer_took_meanwhile_is_followed_not_overwritten()
    {
        var key = NewKey();
        var ledger = fixture.Client.GetGrain<ILedgerGrain>(key);
        var first = await ledger.Append(LedgerEvents.GrantIssued("g-1"));
        var foreign = LedgerChain.Append(first, LedgerEvents.GrantIssued("g-other"));
        Assert.True(await fixture.Store.InsertAsync(key, key.Split('/')[0], foreign));

        var mine = await ledger.Append(LedgerEvents.GrantIssued("g-2"));

        Assert.Equal(3, mine.Index);
        Assert.Equal(LedgerChain.Next(foreign.Hash, mine.Event), mine.Hash);
        Assert.True((await ledger.Verify()).Ok);
    }

    [Fact]
    public async Task Entries_read_a_page_at_a_time_in_index_order()
    {
        var ledger = fixture.Client.GetGrain<ILedgerGrain>(NewKey());
        for (var i = 1; i <= 5; i++)
        {
            await ledger.Append(LedgerEvents.GrantIssued("g-" + i));
        }

        var page = await ledger.Read(2, 2);

        Assert.Equal(5, page.Total);
        Assert.Equal([3L, 4L], page.Items.Select(e => e.Index));
        Assert.Equal(["grant-issued:g-3", "grant-issued:g-4"], page.Items.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_long_ledger_verifies_across_the_store_pages()
    {
        var key = NewKey();
        var ledger = fixture.Client.GetGrain<ILedgerGrain>(key);
        for (var i = 1; i <= Census.Grains.Ledger.LedgerGrain.VerifyPageSize + 3; i++)
        {
            await ledger.Append(LedgerEvents.GrantIssued("g-" + i));
        }

        var verification = await ledger.Verify();

        Assert.True(verification.Ok);
        Assert.Equal(Census.Grains.Ledger.LedgerGrain.VerifyPageSize + 3, verification.Entries);
        Assert.Equal((await fixture.Store.HeadAsync(key))!.Hash, verification.HeadHash);
    }

    [Fact]
    public async Task An_event_that_cannot_be_hashed_faithfully_is_refused_and_nothing_is_stored()
    {
        var key = NewKey();
        var ledger = fixture.Client.GetGrain<ILedgerGrain>(key);

        await Assert.ThrowsAsync<ArgumentException>(() => ledger.Append(LedgerEvents.GrantIssued("g-1") with { Actor = "" }));

        Assert.Equal(0, await fixture.Store.CountAsync(key));
    }
}
