using Census.Contracts.Ledger;

namespace Census.Domain.Ledger;

/// <summary>
/// Verifies a chain one entry at a time, so a ledger of any length is checked while it streams from its store. The
/// first entry that does not follow from the one before is remembered with why; later entries are only counted.
/// Per entry, in order: its index is the next one (a deleted or reordered entry shows as a gap), its event text is an
/// event and canonical, the id, kind and time stored beside it are the event's, and its hash is the recomputed one.
/// </summary>
public sealed class LedgerChainVerifier
{
    private long _entries;
    private long? _broken;
    private string? _reason;
    private string _head = LedgerChain.Genesis;

    public LedgerVerdict Verdict => new(_broken is null, _entries, _broken, _reason, _head);

    /// <summary>Checks the next stored entry; false once the chain is broken (here or before).</summary>
    public bool Accept(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries++;
        if (_broken is not null)
        {
            return false;
        }

        var expected = _entries;
        if (Problem(entry, expected) is { } reason)
        {
            _broken = expected;
            _reason = reason;
            return false;
        }

        _head = entry.Hash;
        return true;
    }

    private string? Problem(LedgerEntry entry, long expected)
    {
        if (entry.Index != expected)
        {
            return $"index gap: expected entry {expected}, found {entry.Index}";
        }

        if (LedgerJson.TryParse(entry.Event, out var error) is not { } parsed)
        {
            return "event unparsable: " + error;
        }

        if (!string.Equals(LedgerJson.Canonical(parsed), entry.Event, StringComparison.Ordinal))
        {
            return "event JSON not canonical";
        }

        if (parsed.Id != entry.EventId || parsed.Kind != entry.Kind || parsed.At != entry.At)
        {
            return "the stored id, kind or time disagree with the event";
        }

        return string.Equals(LedgerChain.Next(_head, entry.Event), entry.Hash, StringComparison.Ordinal)
            ? null
            : "hash mismatch";
    }
}
