using Census.Contracts.SafeZones;

namespace Census.Domain.SafeZones;

/// <summary>Why a booking was refused: the outcome (403, 409 or 422) and the reason, which names the day.</summary>
public sealed record BookingDecision(SafeZoneOutcome Outcome, string Reason);
