namespace Census.Grains.Rankings;

/// <summary>
/// A slice's (institution, sector) groups with the count and fingerprint of their rows, one array per column: a
/// group costs 17 bytes where a <c>GroupFingerprint</c> object costs about 50, and a slice of a million records
/// holds hundreds of thousands of groups.
/// </summary>
internal sealed record ShardGroups(int[] Institutions, byte[] Sectors, int[] Rows, ulong[] Hashes);
