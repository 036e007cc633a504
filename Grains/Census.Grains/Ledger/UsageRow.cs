using Census.Contracts.Ledger;

namespace Census.Grains.Ledger;

/// <summary>One month's usage figures, of all requesters (<see cref="OrganisationKind"/> null) or of one kind.</summary>
public sealed record UsageRow(string Month, string? OrganisationKind, UsageFigures Figures);
