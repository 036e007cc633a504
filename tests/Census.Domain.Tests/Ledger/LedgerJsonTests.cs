using System.Security.Cryptography;
using System.Text;
using Census.Contracts.Ledger;
using Census.Domain.Ledger;

namespace Census.Domain.Tests.Ledger;

/// <summary>provision.md §3 "Ledger": the canonical JSON of an event and the hash chain over it, against hand-written vectors.</summary>
public sealed class LedgerJsonTests
{
    private static readonly LedgerEvent Event = new(
        "grant-issued:g-1",
        "grant-issued",
        new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(9)).AddTicks(1234567),
        "agency:inst-1",
        new Dictionary<string, string> { ["bytes"] = "2048", ["a"] = "한글 \"q\"\n", ["B"] = "x" });

    /// <summary>Written by hand: members and facts sorted by ordinal (B before a), no spaces, UTC time cut to the microsecond.</summary>
    private const string Expected =
        "{\"actor\":\"agency:inst-1\",\"at\":\"2026-03-01T00:30:00.1234560Z\",\"facts\":{\"B\":\"x\",\"a\":\"한글 \\\"q\\\"\\n\",\"bytes\":\"2048\"},\"id\":\"grant-issued:g-1\",\"kind\":\"grant-issued\"}";

    /// <summary>SHA-256(32 zero bytes ‖ Expected), computed outside .NET (Python's hashlib).</summary>
    private const string FirstHash = "d4235b24d00bafde65eda0ace246b281040b7b25b257ca8d931e64a7a495edad";

    /// <summary>SHA-256(FirstHash bytes ‖ Expected): the same event appended again.</summary>
    private const string SecondHash = "b95a11f9c911b513cd727a1120a075932e6065ec189906c71f8f9be0a5905db4";

    [Fact]
    public void The_first_entry_holds_the_canonical_JSON_and_the_hash_over_32_zero_bytes_and_it()
    {
        var entry = LedgerChain.Append(null, Event);

        Assert.Equal(Expected, entry.Event);
        Assert.Equal(1, entry.Index);
        Assert.Equal(FirstHash, entry.Hash);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. new byte[32], .. Encoding.UTF8.GetBytes(Expected)])), entry.Hash);
    }

    [Fact]
    public void The_next_entry_chains_on_the_previous_hash()
    {
        var first = LedgerChain.Append(null, Event);

        var second = LedgerChain.Append(first, Event with { Id = "grant-issued:g-1" });

        Assert.Equal(2, second.Index);
        Assert.Equal(SecondHash, second.Hash);
        Assert.True(LedgerChain.Verify([first, second]).Ok);
    }

    [Fact]
    public void Control_characters_are_escaped_and_everything_else_is_written_as_itself()
    {
        var text = LedgerJson.Canonical(Event with { Facts = new() { ["t"] = "\t\u0001\\/<>&é" } });

        Assert.Contains("\"facts\":{\"t\":\"\\t\\u0001\\\\/<>&é\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_canonical_text_reads_back_to_the_same_event()
    {
        var entry = LedgerChain.Append(null, Event);

        var parsed = LedgerJson.TryParse(entry.Event, out var error);

        Assert.Null(error);
        Assert.Equal(entry.Event, LedgerJson.Canonical(parsed!));
        Assert.Equal(entry.At, parsed!.At);
    }

    [Fact]
    public void An_event_stored_with_spaces_is_found_not_canonical()
    {
        var entry = LedgerChain.Append(null, Event);
        var spaced = entry.Event.Replace(",\"id\"", ", \"id\"", StringComparison.Ordinal);

        var verdict = LedgerChain.Verify([entry with { Event = spaced, Hash = LedgerChain.Next(LedgerChain.Genesis, spaced) }]);

        Assert.False(verdict.Ok);
        Assert.Equal(1, verdict.FirstBrokenIndex);
        Assert.Equal("event JSON not canonical", verdict.Reason);
    }

    [Fact]
    public void An_event_that_is_not_JSON_is_found_unparsable()
    {
        var entry = LedgerChain.Append(null, Event);

        var verdict = LedgerChain.Verify([entry with { Event = entry.Event[..^1] }]);

        Assert.Equal(1, verdict.FirstBrokenIndex);
        Assert.StartsWith("event unparsable", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_or_time_column_changed_beside_an_intact_event_is_found_at_that_entry()
    {
        var first = LedgerChain.Append(null, Event);
        var second = LedgerChain.Append(first, Event with { Id = "grant-issued:g-2" });

        var kind = LedgerChain.Verify([first, second with { Kind = LedgerEventKinds.Transaction }]);
        var time = LedgerChain.Verify([first with { At = first.At.AddDays(-40) }, second]);

        Assert.Equal((2L, "the stored id, kind or time disagree with the event"), (kind.FirstBrokenIndex!.Value, kind.Reason));
        Assert.Equal(1, time.FirstBrokenIndex);
        Assert.Equal(first.Hash, kind.HeadHash);
    }

    [Fact]
    public void An_empty_ledger_verifies_with_the_genesis_hash_as_head()
    {
        var verdict = LedgerChain.Verify([]);

        Assert.True(verdict.Ok);
        Assert.Equal(0, verdict.Entries);
        Assert.Equal(new string('0', 64), verdict.HeadHash);
    }

    [Fact]
    public void An_event_with_a_lone_surrogate_or_without_an_id_cannot_be_appended()
    {
        Assert.NotNull(LedgerChain.Problem(Event with { Facts = new() { ["a"] = "\ud800" } }));
        Assert.NotNull(LedgerChain.Problem(Event with { Id = " " }));
        Assert.Null(LedgerChain.Problem(Event with { Facts = new() { ["a"] = "😀" } }));
    }
}
