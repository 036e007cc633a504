using System.Globalization;

namespace Census.Domain.Ledger;

/// <summary>Months as usage and settlements name them: <c>yyyy-MM</c>, in UTC.</summary>
public static class LedgerMonths
{
    /// <summary>The month's first instant (UTC), or null when the text is not exactly <c>yyyy-MM</c> (years 2000–9999).</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (text is not { Length: 7 } || text[4] != '-'
            || !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            || start.Year < 2000)
        {
            return null;
        }

        return new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc));
    }

    /// <summary>A month's name.</summary>
    public static string Name(DateTimeOffset monthStart) => monthStart.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/>, both included, by name.</summary>
    public static IEnumerable<string> Between(DateTimeOffset from, DateTimeOffset to)
    {
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            yield return Name(month);
        }
    }
}
