namespace Census.Domain.SafeZones;

/// <summary>
/// Safe-zone days are calendar days in Korea (Asia/Seoul): a booking for "2026-12-04" means that day at the site,
/// whatever the offset of the clock that asks.
/// </summary>
public static class KoreaTime
{
    // Korea has kept +09:00 without daylight saving since 1988; the fixed offset is the fallback where the time-zone
    // database is missing (slim containers), and the same answer where it is present.
    private static readonly TimeZoneInfo Seoul = Find();

    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Seoul).DateTime);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Seoul", TimeSpan.FromHours(9), "Korea Standard Time", "KST");
        }
    }
}
