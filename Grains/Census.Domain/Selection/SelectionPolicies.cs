using Census.Contracts.Institutions;
using Census.Contracts.Rounds;

namespace Census.Domain.Selection;

/// <summary>A round's selection policy as the solver's constraints.</summary>
public static class SelectionPolicies
{
    public static SelectionConstraints ToConstraints(SelectionPolicy policy) => new(
        policy.Quota ?? 0,
        policy.MaxPerInstitution,
        policy.SectorMin ?? new Dictionary<Sector, int>(),
        policy.SectorMax ?? new Dictionary<Sector, int>());
}
