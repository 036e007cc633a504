using Census.Domain.Selection;

namespace Census.Domain.Tests.Selection;

/// <summary>A generated selection problem; printed in full when a property fails.</summary>
public sealed record SelectionInstance(Candidate[] Candidates, SelectionConstraints Constraints)
{
    public override string ToString() =>
        $"quota {Constraints.Quota}, maxPerInstitution {Constraints.MaxPerInstitution?.ToString() ?? "none"}, "
        + $"min [{string.Join(", ", Constraints.SectorMin.Select(m => $"{m.Key}={m.Value}"))}], "
        + $"max [{string.Join(", ", Constraints.SectorMax.Select(m => $"{m.Key}={m.Value}"))}], "
        + $"candidates [{string.Join(", ", Candidates.Select(c => $"{c.Key} {c.Sector} {c.PostQuarterPoints}/{c.NowQuarterPoints}"))}]";
}
