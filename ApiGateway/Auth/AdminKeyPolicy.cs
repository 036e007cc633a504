namespace Census.ApiGateway.Auth;

/// <summary>
/// What the gateway accepts as an admin key: long, and not obviously made by hand. It refuses the shipped
/// placeholders and anything like them, repeated patterns, long runs (<c>abcdefgh</c>, <c>87654321</c>), few
/// distinct characters, and keys whose characters carry too little information (an estimate: the key's length
/// times the entropy of its character frequencies). Random keys pass: 32 random hexadecimal digits score about
/// 116 bits and never came near the limit in 200 000 samples; <c>openssl rand -base64 32</c> scores about 215.
/// </summary>
public static class AdminKeyPolicy
{
    public const int MinimumLength = 32;

    public const double MinimumEstimatedBits = 80;

    public const int MinimumDistinctCharacters = 8;

    private const int LongestAllowedRun = 7;

    public const string HowToGenerate = "Generate one with `openssl rand -base64 32`.";

    /// <summary>Fragments of placeholder text; compared without case, dashes or underscores.</summary>
    private static readonly string[] PlaceholderFragments =
        ["changeme", "replace", "placeholder", "example", "password", "secret", "dummy", "sample", "default", "yourkey", "adminkeyof", "insert"];

    /// <summary>Why <paramref name="key"/> is refused (never quoting it), or null when it is acceptable.</summary>
    public static string? Weakness(string key)
    {
        key = key.Trim();
        if (key.Length < MinimumLength)
        {
            return $"is shorter than {MinimumLength} characters";
        }

        if (LooksLikePlaceholder(key))
        {
            return "looks like a placeholder, not a generated key";
        }

        if (RepeatingPeriod(key) is { } period)
        {
            return $"repeats a pattern of {period} character{(period == 1 ? "" : "s")}";
        }

        if (LongestRun(key) > LongestAllowedRun)
        {
            return "contains a long run of consecutive characters";
        }

        if (key.Distinct().Count() < MinimumDistinctCharacters)
        {
            return $"uses fewer than {MinimumDistinctCharacters} different characters";
        }

        if (EstimatedBits(key) < MinimumEstimatedBits)
        {
            return "is not random enough";
        }

        return null;
    }

    /// <summary>
    /// Whether a placeholder fragment is in the key. Text written by hand separates its words (<c>CHANGE-me-…</c>), so
    /// with a separator the fragments match in any case; without one they must stand in one case (<c>dummy</c>,
    /// <c>DUMMY</c>), because base64 output mixes cases at random and spells <c>dummY</c> or <c>SeCrEt</c> now and then:
    /// about one random base64 key in 100,000 was refused before, about one in several million now.
    /// </summary>
    private static bool LooksLikePlaceholder(string key)
    {
        var joined = new string([.. key.Where(c => c is not ('-' or '_' or ' '))]);
        if (joined.Length != key.Length)
        {
            var folded = joined.ToLowerInvariant();
            return PlaceholderFragments.Any(f => folded.Contains(f, StringComparison.Ordinal));
        }

        return PlaceholderFragments.Any(f =>
            key.Contains(f, StringComparison.Ordinal) || key.Contains(f.ToUpperInvariant(), StringComparison.Ordinal));
    }

    /// <summary>Length × the Shannon entropy of the key's character frequencies.</summary>
    public static double EstimatedBits(string key)
    {
        var perCharacter = key.GroupBy(c => c)
            .Select(g => (double)g.Count() / key.Length)
            .Sum(p => -p * Math.Log2(p));
        return key.Length * perCharacter;
    }

    private static int? RepeatingPeriod(string key)
    {
        for (var period = 1; period <= key.Length / 2; period++)
        {
            var repeats = true;
            for (var i = period; i < key.Length && repeats; i++)
            {
                repeats = key[i] == key[i - period];
            }

            if (repeats)
            {
                return period;
            }
        }

        return null;
    }

    /// <summary>The longest stretch of characters that each step up (or each step down) by one code point.</summary>
    private static int LongestRun(string key)
    {
        int longest = 1, up = 1, down = 1;
        for (var i = 1; i < key.Length; i++)
        {
            up = key[i] == key[i - 1] + 1 ? up + 1 : 1;
            down = key[i] == key[i - 1] - 1 ? down + 1 : 1;
            longest = Math.Max(longest, Math.Max(up, down));
        }

        return longest;
    }
}
