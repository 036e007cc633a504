using Census.Contracts.SafeZones;
using Census.Domain.Validation;

namespace Census.Domain.SafeZones;

/// <summary>The rules of safe-zone requests (provision.md §2 "Safe zones"): what a site and a booking must be.</summary>
public static class SafeZoneRules
{
    public const int MaxSeats = 500;
    public const int MaxDays = 25;
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 500;
    public const int MaxReasonLength = 500;
    public const int MaxOperators = 50;

    /// <summary>A site's body as the site (created now by the grain, which sets when and by whom).</summary>
    public static Validated<SafeZoneSite> Validate(NewSafeZoneSite? site)
    {
        var errors = new ValidationErrors();
        if (site is null)
        {
            return Validated<SafeZoneSite>.Invalid(errors.Add("$", "A JSON object is required."));
        }

        Rules.Id(errors, "id", site.Id);
        Rules.RequiredText(errors, "name", site.Name, MaxNameLength);
        Rules.RequiredText(errors, "address", site.Address, MaxAddressLength);
        if (site.Seats is not { } seats)
        {
            errors.Add("seats", "is required.");
        }
        else if (seats is < 1 or > MaxSeats)
        {
            errors.Add("seats", $"must be from 1 to {MaxSeats}.");
        }

        if (site.OpenWeekdays is not { Count: > 0 } weekdays)
        {
            errors.Add("openWeekdays", "must name at least one weekday.");
        }
        else if (weekdays.Distinct().Count() != weekdays.Count)
        {
            errors.Add("openWeekdays", "must name each weekday once.");
        }

        if (site.Operators is not { Count: > 0 and <= MaxOperators } operators)
        {
            errors.Add("operators", $"must name from 1 to {MaxOperators} zone operators.");
        }
        else
        {
            for (var i = 0; i < operators.Count; i++)
            {
                Rules.Id(errors, $"operators[{i}]", operators[i]);
            }

            if (operators.Distinct(StringComparer.Ordinal).Count() != operators.Count)
            {
                errors.Add("operators", "must name each operator once.");
            }
        }

        if (!errors.IsValid)
        {
            return Validated<SafeZoneSite>.Invalid(errors);
        }

        return Validated<SafeZoneSite>.Ok(new SafeZoneSite(
            site.Id!, site.Name!.Trim(), site.Address!.Trim(), site.Seats!.Value,
            [.. site.OpenWeekdays!.Order()], [.. site.Operators!], [], default, ""));
    }

    /// <summary>A booking's body: its shape only; the grain checks it against the grant, the site and the day.</summary>
    public static ValidationErrors Validate(NewSafeZoneBooking? booking)
    {
        var errors = new ValidationErrors();
        if (booking is null)
        {
            return errors.Add("$", "A JSON object is required.");
        }

        Rules.Id(errors, "grantId", booking.GrantId);
        if (booking.Days is not { Count: > 0 and <= MaxDays } days)
        {
            errors.Add("days", $"must list from 1 to {MaxDays} days.");
        }
        else if (days.Distinct().Count() != days.Count)
        {
            errors.Add("days", "must list each day once.");
        }

        if (booking.Seats is not { } seats)
        {
            errors.Add("seats", "is required.");
        }
        else if (seats is < 1 or > MaxSeats)
        {
            errors.Add("seats", $"must be from 1 to {MaxSeats}.");
        }

        return errors;
    }

    public static ValidationErrors Validate(SafeZoneReason? reason)
    {
        var errors = new ValidationErrors();
        if (reason is null)
        {
            return errors.Add("$", "A JSON object is required.");
        }

        Rules.RequiredText(errors, "reason", reason.Reason, MaxReasonLength);
        return errors;
    }

    /// <summary>A day in a path (<c>yyyy-MM-dd</c>), or null.</summary>
    public static DateOnly? ParseDay(string? day) =>
        day is { Length: 10 } && DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var parsed)
            ? parsed
            : null;

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
