using System.Text;

namespace Census.Exchange.Imports;

/// <summary>
/// The charsets a CSV import reads: UTF-8, and CP949 — the code page Korean spreadsheet programs still save
/// CSV in, a superset of EUC-KR (so <c>euc-kr</c> and its aliases are read as CP949 too). Decoding is
/// strict: a byte sequence the charset does not define is an error, never a silent U+FFFD.
/// </summary>
internal static class TextEncodings
{
    public const int Cp949 = 949;

    private static readonly string[] Cp949Names =
        ["cp949", "ms949", "uhc", "windows-949", "x-windows-949", "euc-kr", "ks_c_5601-1987", "ks_c_5601", "korean", "csksc56011987"];

    /// <summary>
    /// Strict CP949. Its initializer registers the code-page provider itself: a static initializer runs before a
    /// static constructor's body, so registering there would come too late for this property.
    /// </summary>
    public static Encoding Korean { get; } = CreateKorean();

    private static Encoding CreateKorean()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Cp949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    /// <summary>The strict encoding a charset parameter names; null when it names none this reader knows.</summary>
    public static Encoding? Named(string charset)
    {
        if (IsUtf8(charset))
        {
            return Utf8Check.Strict;
        }

        if (Cp949Names.Contains(charset, StringComparer.OrdinalIgnoreCase))
        {
            return Korean;
        }

        try
        {
            return Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static string Name(Encoding encoding) => encoding.CodePage == Cp949 ? "CP949" : encoding.WebName.ToUpperInvariant();
}
