using System.Text.RegularExpressions;
using Census.ApiGateway.Console.Resources;
using Census.Domain.SafeZones;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Census.ApiGateway.Console.Pages.Zones;

/// <summary>
/// The safe-zone pages' addresses and words. A site's refusal (the grain's English detail) is placed next to the field
/// it concerns and said in the page's language; the decision itself is always the API's.
/// </summary>
public static partial class ZoneWords
{
    public const string Bookings = "/console/my/bookings";

    public static string Day(string site, DateOnly day) => $"/console/zones/{site}?day={SafeZoneRules.Format(day)}";

    public static DateOnly Today => KoreaTime.DateOf(DateTimeOffset.UtcNow);

    /// <summary>The days a requester typed (commas, spaces or lines between them), or null when one is not a date.</summary>
    public static List<DateOnly>? ParseDays(string? text)
    {
        var days = new List<DateOnly>();
        foreach (var part in (text ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (SafeZoneRules.ParseDay(part) is not { } day)
            {
                return null;
            }

            days.Add(day);
        }

        return days;
    }

    /// <summary>A refusal of a booking, closure or visit: the field it concerns and its words, or null when it has no known wording.</summary>
    public static (string Field, string Message)? Refusal(ProblemDetails problem, IStringLocalizer<ZoneText> text)
    {
        var detail = problem.Detail ?? "";
        (string Field, string Key)? known = detail switch
        {
            _ when Full().IsMatch(detail) => ("seats", "Problem.Full"),
            _ when Closed().IsMatch(detail) => ("days", "Problem.Closed"),
            _ when NotOpen().IsMatch(detail) => ("days", "Problem.NotOpen"),
            _ when Past().IsMatch(detail) => ("days", "Problem.Past"),
            _ when OutsideGrant().IsMatch(detail) => ("days", "Problem.OutsideGrant"),
            _ when NoLiveGrant().IsMatch(detail) => ("grantId", "Problem.NoLiveGrant"),
            _ when TooManySeats().IsMatch(detail) => ("seats", "Problem.TooManySeats"),
            _ when Holding().IsMatch(detail) => ("day", "Problem.Holding"),
            _ when AlreadyClosed().IsMatch(detail) => ("day", "Problem.AlreadyClosed"),
            _ when Twice().IsMatch(detail) => ("visit", "Problem.Twice"),
            _ => null,
        };
        return known is { } k ? (k.Field, text[k.Key]) : null;
    }

    [GeneratedRegex(@" is full on ")] private static partial Regex Full();
    [GeneratedRegex(@" is closed on ")] private static partial Regex Closed();
    [GeneratedRegex(@" does not open on ")] private static partial Regex NotOpen();
    [GeneratedRegex(@" is in the past\.$")] private static partial Regex Past();
    [GeneratedRegex(@" is outside the grant ")] private static partial Regex OutsideGrant();
    [GeneratedRegex(@"^(No grant '|Grant '[^']*' (is not yours|is not a safe-zone grant|was revoked|is not live now))")] private static partial Regex NoLiveGrant();
    [GeneratedRegex(@" seats; \d+ were asked for\.$")] private static partial Regex TooManySeats();
    [GeneratedRegex(@"(hold|holding) seats|must be cancelled first|cancel them first", RegexOptions.IgnoreCase)] private static partial Regex Holding();
    [GeneratedRegex(@" is already closed on ")] private static partial Regex AlreadyClosed();
    [GeneratedRegex(@"already checked (in|out)", RegexOptions.IgnoreCase)] private static partial Regex Twice();
}
