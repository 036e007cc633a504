using System.Security.Cryptography;
using System.Text;
using Census.Contracts.Ledger;

namespace Census.Domain.Ledger;

/// <summary>
/// The hash chain of a dataset's ledger: <c>hash_n = SHA-256(hash_{n-1} ‖ canonical JSON bytes of event n)</c>, hash_0 =
/// 32 zero bytes, written as lower-case hex. Verification recomputes it from the stored entries alone.
/// </summary>
public static class LedgerChain
{
    /// <summary>hash_0: 32 zero bytes, as hex.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash of the entry after one whose hash is <paramref name="previousHash"/>.</summary>
    public static string Next(string previousHash, string canonicalEvent)
    {
        ArgumentNullException.ThrowIfNull(canonicalEvent);
        var previous = Convert.FromHexString(previousHash);
        var eventBytes = Encoding.UTF8.GetBytes(canonicalEvent);
        var input = new byte[previous.Length + eventBytes.Length];
        previous.CopyTo(input, 0);
        eventBytes.CopyTo(input, previous.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>
    /// The entry that follows <paramref name="head"/> (null: the ledger is empty) for an event. The event's time is kept
    /// to the microsecond in UTC: PostgreSQL stores no finer, and the time stored beside the event must be the event's.
    /// </summary>
    public static LedgerEntry Append(LedgerEntry? head, LedgerEvent ledgerEvent)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        var at = Microseconds(ledgerEvent.At);
        var canonical = LedgerJson.Canonical(ledgerEvent with { At = at });
        return new LedgerEntry((head?.Index ?? 0) + 1, ledgerEvent.Id, ledgerEvent.Kind, at, canonical, Next(head?.Hash ?? Genesis, canonical));
    }

    /// <summary>A time in UTC cut to whole microseconds.</summary>
    public static DateTimeOffset Microseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    /// <summary>Why an event cannot be appended (null: it can): an empty id, kind or actor, or text that is not Unicode.</summary>
    public static string? Problem(LedgerEvent ledgerEvent)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        if (string.IsNullOrWhiteSpace(ledgerEvent.Id) || string.IsNullOrWhiteSpace(ledgerEvent.Kind) || string.IsNullOrWhiteSpace(ledgerEvent.Actor))
        {
            return "A ledger event needs an id, a kind and an actor.";
        }

        if (ledgerEvent.Facts is null)
        {
            return "A ledger event needs its facts (an empty set at least).";
        }

        string[] texts = [ledgerEvent.Id, ledgerEvent.Kind, ledgerEvent.Actor, .. ledgerEvent.Facts.Keys, .. ledgerEvent.Facts.Values];
        return texts.All(t => t is not null && !HasLoneSurrogate(t))
            ? null
            : "A ledger event's texts must be Unicode (no lone surrogates) and facts may not be null.";
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Recomputes the chain of <paramref name="entries"/> (in the order stored) and answers the verdict.</summary>
    public static LedgerVerdict Verify(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var verifier = new LedgerChainVerifier();
        foreach (var entry in entries)
        {
            verifier.Accept(entry);
        }

        return verifier.Verdict;
    }
}
