using System.Security.Cryptography;
using System.Text;
using Census.Domain.Validation;

namespace Census.Exchange.Harvest;

/// <summary>
/// A catalogue identifier → a census dataset id (<see cref="Rules.IdPattern"/>), deterministically: an IRI or
/// URL gives its last path segment (without query or fragment, percent-decoding undone); letters lose their
/// accents and go lower-case; every run of other characters becomes one '-'; leading and trailing '-' go.
/// An id longer than 63 characters keeps 54 and ends with '-' and 8 hex digits of the SHA-256 of the whole
/// identifier, so two long identifiers that share a beginning stay apart. Null when nothing usable is left
/// (an identifier of Hangul only, a single character).
/// </summary>
public static class DatasetIds
{
    private const int MaxLength = 63;
    private const int KeptWhenLong = 54;

    // The census runs with invariant globalization, where Normalize() does not decompose: Latin-1 and
    // Latin Extended-A letters lose their accents through this table instead.
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

    public static string? Normalise(string? identifier)
    {
        if (string.IsNullOrWhiteSpace(identifier))
        {
            return null;
        }

        var text = LastSegment(identifier.Trim());
        var id = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = Unaccented(char.ToLowerInvariant(c));
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
            {
                id.Append(lower);
            }
            else if (id.Length > 0 && id[^1] != '-')
            {
                id.Append('-');
            }
        }

        var result = id.ToString().Trim('-');
        if (result.Length > MaxLength)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identifier.Trim())))[..8];
            result = result[..KeptWhenLong].TrimEnd('-') + "-" + hash;
        }

        return Rules.IsValidId(result) ? result : null;
    }

    private static char Unaccented(char c)
    {
        var at = Accented.IndexOf(c, StringComparison.Ordinal);
        return at >= 0 ? Plain[at] : c;
    }

    private static string LastSegment(string identifier)
    {
        if (!identifier.Contains("://", StringComparison.Ordinal) && !identifier.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return identifier;
        }

        var text = identifier;
        var cut = text.IndexOfAny(['#', '?']);
        if (cut >= 0)
        {
            text = text[..cut];
        }

        text = text.TrimEnd('/');
        var segment = text[(text.LastIndexOfAny(['/', ':']) + 1)..];
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }
}
