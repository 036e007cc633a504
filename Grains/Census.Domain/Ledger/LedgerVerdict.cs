namespace Census.Domain.Ledger;

/// <summary>
/// What recomputing a chain found. <see cref="Entries"/> counts every entry read; <see cref="HeadHash"/> is the last
/// hash that follows from hash_0 (the whole ledger's head when <see cref="Ok"/>, else the hash of the entry before
/// <see cref="FirstBrokenIndex"/>).
/// </summary>
public sealed record LedgerVerdict(bool Ok, long Entries, long? FirstBrokenIndex, string? Reason, string HeadHash);
