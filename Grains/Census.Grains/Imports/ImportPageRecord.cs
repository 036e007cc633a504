using Census.Contracts.Imports;

namespace Census.Grains.Imports;

/// <summary>What one page of a run leaves in the store: each row's outcome, the errors found, and the import now.</summary>
public sealed record ImportPageRecord(
    string RoundId,
    string InstitutionId,
    Import Import,
    IReadOnlyList<(int Row, ImportRowOutcome Outcome)> Outcomes,
    IReadOnlyList<ImportError> Errors);
