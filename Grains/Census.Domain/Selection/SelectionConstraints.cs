using Census.Contracts.Institutions;

namespace Census.Domain.Selection;

/// <summary>
/// The bounds of one selection: at most <see cref="Quota"/> records, at most <see cref="MaxPerInstitution"/> from one
/// institution (null: no limit), and per sector between <see cref="SectorMin"/> (absent: 0) and
/// <see cref="SectorMax"/> (absent: no bound).
/// </summary>
public sealed record SelectionConstraints(
    int Quota,
    int? MaxPerInstitution,
    IReadOnlyDictionary<Sector, int> SectorMin,
    IReadOnlyDictionary<Sector, int> SectorMax);
