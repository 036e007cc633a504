using System.Globalization;
using System.Text.RegularExpressions;

namespace Census.Exchange.Imports;

/// <summary>
/// The escaping of ECMA-376 (ST_Xstring) for text in a workbook: a character XML cannot carry as is — a
/// carriage return, which XML parsers turn into a line feed — is written <c>_x000D_</c>, and a literal
/// <c>_xHHHH_</c> in the text is protected as <c>_x005F_xHHHH_</c>. Spreadsheet programs read it so.
/// </summary>
internal static partial class XmlText
{
    [GeneratedRegex("_x[0-9A-Fa-f]{4}_", RegexOptions.CultureInvariant)]
    private static partial Regex Escaped();

    public static string Encode(string text)
    {
        if (text.Contains("_x", StringComparison.Ordinal))
        {
            text = Escaped().Replace(text, m => "_x005F" + m.Value);
        }

        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r", "_x000D_", StringComparison.Ordinal) : text;
    }

    public static string Decode(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? Escaped().Replace(text, m => ((char)int.Parse(m.Value.AsSpan(2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;
}
