using System.Globalization;

namespace Census.ApiGateway.Console;

/// <summary>How the console writes times and numbers: Korea's time (UTC+9, no daylight saving) on screen, UTC in the API.</summary>
public static class ConsoleFormat
{
    private static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    /// <summary>2026-12-03 15:04 KST.</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.ToOffset(KoreaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " KST" : "—";

    /// <summary>The value for an HTML datetime-local input, in Korea's time.</summary>
    public static string LocalInput(DateTimeOffset at) =>
        at.ToOffset(KoreaOffset).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A datetime-local input's value read as Korea's time.</summary>
    public static DateTimeOffset? FromLocalInput(string? value) =>
        DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, KoreaOffset).ToUniversalTime()
            : null;

    /// <summary>The language the console speaks on this request: <c>ko</c> or <c>en</c>.</summary>
    public static string Language => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal) ? "en" : "ko";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
