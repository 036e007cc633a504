using System.Globalization;
using System.Text.RegularExpressions;

namespace Census.Exchange.Harvest;

/// <summary>
/// The date a catalogue's date or date-time says, as written (the calendar date before any 'T'; no time-zone
/// arithmetic, so the same text always gives the same date). A year or a year-month alone stands for its
/// first day, or its last when it ends a period. Anything else is null.
/// </summary>
public static partial class CatalogDates
{
    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>\d{2})(?:-(?<d>\d{2}))?)?(?:$|T|\s|Z|[+-]\d{2}:?\d{2}$)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePrefix();

    public static DateOnly? Parse(string? text, bool endOfPeriod = false)
    {
        if (text is null || DatePrefix().Match(text.Trim()) is not { Success: true } match)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 1)
        {
            return null;
        }

        if (!match.Groups["m"].Success)
        {
            return endOfPeriod ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        }

        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return null;
        }

        if (!match.Groups["d"].Success)
        {
            return endOfPeriod ? new DateOnly(year, month, DateTime.DaysInMonth(year, month)) : new DateOnly(year, month, 1);
        }

        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }
}
