using Census.Contracts.Provision;

namespace Census.Domain.Provision;

/// <summary>An equivalence-class table's figures, the policy checks they were judged by, and whether all of them passed.</summary>
public sealed record StructuredEvidenceResult(StructuredRiskFigures Figures, IReadOnlyList<PolicyCheck> Checks, bool Passed);
