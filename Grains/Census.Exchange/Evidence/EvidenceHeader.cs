using Census.Domain.Provision;

namespace Census.Exchange.Evidence;

/// <summary>What a table declares before its classes: its quasi-identifiers and sensitive attributes with their values.</summary>
internal sealed record EvidenceHeader(IReadOnlyList<string> QuasiIdentifiers, IReadOnlyList<SensitiveAttribute> Sensitive)
{
    public int ValueCount { get; } = Sensitive.Sum(s => s.Values.Count);
}
