using System.Globalization;
using System.Text.RegularExpressions;
using Census.Contracts.Surveys;

namespace Census.Exchange.Harvest;

/// <summary>
/// A catalogue's update frequency → the census's: EU frequency IRIs and codes (<c>…/frequency/MONTHLY</c>),
/// Dublin Core Collection frequencies (<c>purl.org/cld/freq/daily</c>), data.json ISO 8601 repeating durations
/// (<c>R/P1D</c>) and the plain names data.json used before (<c>Annual</c>).
/// A period falls into the most frequent census value that does not claim more than the catalogue
/// says: up to an hour (or continuous) is realtime, then daily (≤ 1 day), weekly (≤ 7), monthly (≤ 31),
/// quarterly (≤ 92), and yearly for anything longer — still periodic, which is what the rubric's C10 asks.
/// "Never"/"not planned" is static, "unknown" is unknown. Irregular, as-needed and other have no census
/// equivalent: <see cref="For"/> gives null and the agency chooses.
/// </summary>
public static partial class UpdateFrequencies
{
    [GeneratedRegex(@"^(R\d*/)?P(?:(?<y>\d+(?:\.\d+)?)Y)?(?:(?<mo>\d+(?:\.\d+)?)M)?(?:(?<w>\d+(?:\.\d+)?)W)?(?:(?<d>\d+(?:\.\d+)?)D)?(?:T(?:(?<h>\d+(?:\.\d+)?)H)?(?:(?<mi>\d+(?:\.\d+)?)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoDuration();

    private const double Hour = 1.0 / 24;

    // Days between updates; 0 = continuous. NaN marks a value with no census equivalent.
    private static readonly Dictionary<string, double> Periods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CONT"] = 0, ["UPDATE_CONT"] = 0, ["continuous"] = 0, ["continuously updated"] = 0, ["continual"] = 0, ["realtime"] = 0,
        ["1MIN"] = Hour / 60, ["5MIN"] = Hour / 12, ["10MIN"] = Hour / 6, ["15MIN"] = Hour / 4, ["30MIN"] = Hour / 2,
        ["HOURLY"] = Hour, ["BIHOURLY"] = 2 * Hour, ["TRIHOURLY"] = 3 * Hour, ["12HRS"] = 12 * Hour, ["DAILY_2"] = 12 * Hour,
        ["DAILY"] = 1, ["BIDAILY"] = 2, ["WEEKLY_3"] = 7.0 / 3, ["semiweekly"] = 3.5, ["WEEKLY_2"] = 3.5, ["three times a week"] = 7.0 / 3,
        ["WEEKLY"] = 7, ["BIWEEKLY"] = 14, ["MONTHLY_3"] = 10, ["three times a month"] = 10, ["MONTHLY_2"] = 15, ["semimonthly"] = 15,
        ["MONTHLY"] = 30, ["BIMONTHLY"] = 61, ["QUARTERLY"] = 91, ["ANNUAL_3"] = 122, ["three times a year"] = 122,
        ["ANNUAL_2"] = 183, ["semiannual"] = 183, ["ANNUAL"] = 365, ["annually"] = 365, ["yearly"] = 365, ["BIENNIAL"] = 730,
        ["TRIENNIAL"] = 1095, ["QUADRENNIAL"] = 1461, ["QUINQUENNIAL"] = 1826, ["DECENNIAL"] = 3652, ["BIDECENNIAL"] = 7305,
        ["TRIDECENNIAL"] = 10957,
        ["IRREG"] = double.NaN, ["irregular"] = double.NaN, ["AS_NEEDED"] = double.NaN, ["OTHER"] = double.NaN, ["as needed"] = double.NaN,
    };

    public static UpdateFrequency? For(string frequency)
    {
        var text = frequency.Trim();
        if (text.Contains("://", StringComparison.Ordinal))
        {
            text = text.TrimEnd('/')[(text.TrimEnd('/').LastIndexOfAny(['/', '#']) + 1)..];
        }

        switch (text.ToUpperInvariant().Replace(' ', '_'))
        {
            case "UNKNOWN":
                return UpdateFrequency.Unknown;
            case "NEVER" or "NOT_PLANNED":
                return UpdateFrequency.Static;
        }

        if (Periods.TryGetValue(text, out var days) || Periods.TryGetValue(text.Replace('_', ' '), out days))
        {
            return double.IsNaN(days) ? null : ForPeriod(days);
        }

        if (IsoDuration().Match(text) is { Success: true } iso && text.Length > (text.StartsWith('R') ? 3 : 1))
        {
            return ForPeriod(Days(iso));
        }

        return null;
    }

    private static UpdateFrequency ForPeriod(double days) => days switch
    {
        <= Hour => UpdateFrequency.Realtime,
        <= 1 => UpdateFrequency.Daily,
        <= 7 => UpdateFrequency.Weekly,
        <= 31 => UpdateFrequency.Monthly,
        <= 92 => UpdateFrequency.Quarterly,
        _ => UpdateFrequency.Yearly,
    };

    private static double Days(Match iso)
    {
        double Part(string name) =>
            iso.Groups[name].Success ? double.Parse(iso.Groups[name].Value, CultureInfo.InvariantCulture) : 0;

        return (Part("y") * 365) + (Part("mo") * 30) + (Part("w") * 7) + Part("d")
            + (Part("h") * Hour) + (Part("mi") * Hour / 60) + (Part("s") * Hour / 3600);
    }
}
