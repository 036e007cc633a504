using System.Text;
using Census.Contracts.Ledger;
using Census.Domain.Ledger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Census.Domain.Tests.Ledger;

/// <summary>
/// Verification finds exactly the first entry that was tampered with: for any chain, any single byte edited in any
/// entry's event or hash, any entry deleted (but the last, which leaves no trace in a chain), any neighbours swapped.
/// </summary>
[Properties(MaxTest = 300)]
public sealed class LedgerChainProperties
{
    private static readonly string[] Kinds = [LedgerEventKinds.GrantIssued, LedgerEventKinds.DownloadCompleted, LedgerEventKinds.Transaction];

    private static Gen<string> Text() =>
        Gen.ArrayOf(Gen.Elements('a', 'Z', '0', '-', ' ', '"', '\\', '\n', '\u0001', '한', '글', 'é', '/'))
            .Select(chars => new string(chars));

    private static Gen<LedgerEvent> Events() =>
        from id in Text()
        from kind in Gen.Elements(Kinds)
        from ticks in Gen.Choose(0, int.MaxValue)
        from actor in Text()
        from facts in Gen.ArrayOf(Gen.Zip(Text(), Text()))
        select new LedgerEvent("e:" + id, kind, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(ticks * 1000L), "a:" + actor,
            facts.DistinctBy(f => f.Item1).ToDictionary(f => f.Item1, f => f.Item2));

    private static Gen<LedgerEntry[]> Chains(int minimum) =>
        from count in Gen.Choose(minimum, 12)
        from events in Gen.ArrayOf(Events(), count)
        select Chain(events);

    private static LedgerEntry[] Chain(IEnumerable<LedgerEvent> events)
    {
        var entries = new List<LedgerEntry>();
        foreach (var ledgerEvent in events)
        {
            entries.Add(LedgerChain.Append(entries.Count == 0 ? null : entries[^1], ledgerEvent));
        }

        return [.. entries];
    }

    /// <summary>A chain, the entry to edit, whether its event (or its hash), the byte and the value to put there.</summary>
    private static Gen<(LedgerEntry[] Chain, int Entry, bool InEvent, int Position, byte Value)> Edits() =>
        from chain in Chains(1)
        from entry in Gen.Choose(0, chain.Length - 1)
        from inEvent in Gen.Elements(true, false)
        let length = Encoding.UTF8.GetByteCount(inEvent ? chain[entry].Event : chain[entry].Hash)
        from position in Gen.Choose(0, length - 1)
        from value in Gen.Choose(0, 255)
        select (chain, entry, inEvent, position, (byte)value);

    [Property]
    public Property Every_chain_the_product_appends_verifies() =>
        Prop.ForAll(Chains(0).ToArbitrary(), chain =>
        {
            var verdict = LedgerChain.Verify(chain);
            return verdict.Ok && verdict.FirstBrokenIndex is null && verdict.Entries == chain.Length
                && verdict.HeadHash == (chain.Length == 0 ? LedgerChain.Genesis : chain[^1].Hash);
        });

    [Property]
    public Property A_byte_edited_in_an_event_or_hash_is_found_at_that_entry() =>
        Prop.ForAll(Edits().ToArbitrary(), edit =>
        {
            var (chain, at, inEvent, position, value) = edit;
            var original = chain[at];
            var bytes = Encoding.UTF8.GetBytes(inEvent ? original.Event : original.Hash);
            if (bytes[position] == value)
            {
                value ^= 0x01;
            }

            bytes[position] = value;
            var edited = Encoding.UTF8.GetString(bytes);
            chain[at] = inEvent ? original with { Event = edited } : original with { Hash = edited };

            var verdict = LedgerChain.Verify(chain);
            return (!verdict.Ok && verdict.FirstBrokenIndex == at + 1 && verdict.Entries == chain.Length)
                .Label($"edited entry {at + 1} ({(inEvent ? "event" : "hash")} byte {position}): {verdict}");
        });

    [Property]
    public Property A_deleted_entry_is_found_at_its_index() =>
        Prop.ForAll((from chain in Chains(2) from at in Gen.Choose(0, chain.Length - 2) select (chain, at)).ToArbitrary(), deletion =>
        {
            var (chain, at) = deletion;
            var verdict = LedgerChain.Verify(chain.Where((_, i) => i != at));
            return (!verdict.Ok && verdict.FirstBrokenIndex == at + 1).Label(verdict.ToString());
        });

    [Property]
    public Property Two_swapped_neighbours_are_found_at_the_first_of_them() =>
        Prop.ForAll((from chain in Chains(2) from at in Gen.Choose(0, chain.Length - 2) select (chain, at)).ToArbitrary(), swap =>
        {
            var (chain, at) = swap;
            (chain[at], chain[at + 1]) = (chain[at + 1], chain[at]);
            var verdict = LedgerChain.Verify(chain);
            return (!verdict.Ok && verdict.FirstBrokenIndex == at + 1).Label(verdict.ToString());
        });

    [Property]
    public Property Neighbours_whose_rows_swapped_contents_but_kept_their_indexes_are_found_at_the_first_of_them() =>
        Prop.ForAll((from chain in Chains(2) from at in Gen.Choose(0, chain.Length - 2) select (chain, at)).ToArbitrary(), swap =>
        {
            var (chain, at) = swap;
            (chain[at], chain[at + 1]) = (chain[at + 1] with { Index = at + 1 }, chain[at] with { Index = at + 2 });
            var verdict = LedgerChain.Verify(chain);
            return (!verdict.Ok && verdict.FirstBrokenIndex == at + 1).Label(verdict.ToString());
        });
}
