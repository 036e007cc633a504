using System.Globalization;

namespace Census.Domain.Releases;

/// <summary>
/// Release version numbers (provision.md §1): the first release of a dataset is <c>1.0</c>; every later one, a correction
/// included, is the next minor version (<c>1.1</c>, <c>1.2</c>, … <c>1.10</c>). Versions compare as numbers, not text.
/// </summary>
public static class ReleaseVersions
{
    public const string First = "1.0";

    /// <summary>The version after the newest of <paramref name="existing"/>; <see cref="First"/> when there is none.</summary>
    public static string Next(IEnumerable<string> existing)
    {
        var newest = existing.Select(Parse).OfType<(int Major, int Minor)>().DefaultIfEmpty().Max();
        return newest == default ? First : Format(newest.Major, newest.Minor + 1);
    }

    /// <summary>Whether <paramref name="version"/> is written as this rule writes versions: <c>major.minor</c>, no leading zeros.</summary>
    public static bool IsValid(string? version) => Parse(version) is not null;

    /// <summary>Orders versions newest first.</summary>
    public static int CompareNewestFirst(string a, string b) => Comparer<(int, int)?>.Default.Compare(Parse(b), Parse(a));

    private static (int Major, int Minor)? Parse(string? version)
    {
        if (version is null || version.Length > 21 || version.Split('.') is not [var major, var minor])
        {
            return null;
        }

        return Number(major) is { } m && m >= 1 && Number(minor) is { } n ? (m, n) : null;
    }

    private static int? Number(string text) =>
        text.Length > 0 && (text == "0" || text[0] != '0') && text.All(char.IsAsciiDigit) &&
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string Format(int major, int minor) => string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}");
}
