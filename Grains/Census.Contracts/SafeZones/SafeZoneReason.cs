using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.SafeZones;

/// <summary>The body of a closure and of a booking's cancellation: why, 1–500 characters.</summary>
public sealed record SafeZoneReason
{
    [Required] public string? Reason { get; init; }
}
