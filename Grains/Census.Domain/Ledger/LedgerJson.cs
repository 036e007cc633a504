using System.Globalization;
using System.Text;
using System.Text.Json;
using Census.Contracts.Ledger;

namespace Census.Domain.Ledger;

/// <summary>
/// The canonical JSON of a ledger event (provision.md §3 "Ledger"): one object with the members <c>actor</c>, <c>at</c>,
/// <c>facts</c>, <c>id</c>, <c>kind</c>, keys sorted by ordinal, no whitespace, strings escaped as RFC 8785 does (only
/// <c>"</c>, <c>\</c> and control characters; everything else as itself in UTF-8), <c>at</c> in UTC as
/// <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>. The hash covers these bytes, so one event has exactly one text.
/// </summary>
public static class LedgerJson
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private static readonly string[] Members = ["actor", "at", "facts", "id", "kind"];

    /// <summary>The event's canonical text.</summary>
    public static string Canonical(LedgerEvent ledgerEvent)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        var text = new StringBuilder(256);
        text.Append("{\"actor\":");
        AppendString(text, ledgerEvent.Actor);
        text.Append(",\"at\":");
        AppendString(text, Time(ledgerEvent.At));
        text.Append(",\"facts\":{");
        var first = true;
        foreach (var key in ledgerEvent.Facts.Keys.Order(StringComparer.Ordinal))
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            AppendString(text, key);
            text.Append(':');
            AppendString(text, ledgerEvent.Facts[key]);
        }

        text.Append("},\"id\":");
        AppendString(text, ledgerEvent.Id);
        text.Append(",\"kind\":");
        AppendString(text, ledgerEvent.Kind);
        text.Append('}');
        return text.ToString();
    }

    /// <summary>The canonical text's bytes: what the chain hashes.</summary>
    public static byte[] Bytes(LedgerEvent ledgerEvent) => Encoding.UTF8.GetBytes(Canonical(ledgerEvent));

    /// <summary>A time as the canonical text writes it (UTC, seven fractional digits).</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a stored event back: null with why when the text is not an event at all (not JSON, a member missing or
    /// extra, a fact that is not a string, a time in another form). The text may still not be canonical; compare it
    /// with <see cref="Canonical"/> of what this answers.
    /// </summary>
    public static LedgerEvent? TryParse(string text, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "the event is not a JSON object";
                return null;
            }

            var names = root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
            if (!names.SequenceEqual(Members, StringComparer.Ordinal))
            {
                error = "the event's members are not exactly actor, at, facts, id, kind";
                return null;
            }

            if (Members.Where(m => m != "facts").Any(m => root.GetProperty(m).ValueKind != JsonValueKind.String))
            {
                error = "actor, at, id and kind must be strings";
                return null;
            }

            var facts = root.GetProperty("facts");
            if (facts.ValueKind != JsonValueKind.Object || facts.EnumerateObject().Any(f => f.Value.ValueKind != JsonValueKind.String))
            {
                error = "facts must be an object of strings";
                return null;
            }

            if (!DateTime.TryParseExact(root.GetProperty("at").GetString(), TimeFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                error = "at is not a time in the form yyyy-MM-ddTHH:mm:ss.fffffffZ";
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var fact in facts.EnumerateObject())
            {
                values[fact.Name] = fact.Value.GetString()!;
            }

            error = null;
            return new LedgerEvent(
                root.GetProperty("id").GetString()!,
                root.GetProperty("kind").GetString()!,
                new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
                root.GetProperty("actor").GetString()!,
                values);
        }
        catch (JsonException e)
        {
            error = "the event is not JSON: " + e.Message;
            return null;
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case < ' ':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
