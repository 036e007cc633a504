using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.SafeZones;

/// <summary>The body of <c>POST /api/v1/safe-zones</c> (admin).</summary>
public sealed record NewSafeZoneSite
{
    /// <summary>The site's id, like an institution id.</summary>
    [Required] public string? Id { get; init; }

    /// <summary>1–200 characters.</summary>
    [Required] public string? Name { get; init; }

    /// <summary>1–500 characters.</summary>
    [Required] public string? Address { get; init; }

    /// <summary>Seats a day, 1–500.</summary>
    [Required] public int? Seats { get; init; }

    /// <summary>The weekdays the site opens (<c>monday</c> … <c>sunday</c>), at least one, each once.</summary>
    [Required] public IReadOnlyList<DayOfWeek>? OpenWeekdays { get; init; }

    /// <summary>Ids of registered principals of role zone-operator who run the site; at least one.</summary>
    [Required] public IReadOnlyList<string>? Operators { get; init; }
}
