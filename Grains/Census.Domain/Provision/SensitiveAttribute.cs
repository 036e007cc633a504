namespace Census.Domain.Provision;

/// <summary>A sensitive attribute of an equivalence-class table and its values, in the order the table gives their counts.</summary>
public sealed record SensitiveAttribute(string Name, IReadOnlyList<string> Values);
