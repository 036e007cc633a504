namespace Census.Grains.Surveys;

/// <summary>What a ranking reads of one index row: who, where, whether eligible, and the 20 levels.</summary>
public readonly record struct ShardRow(
    string InstitutionId,
    string DatasetId,
    string Sector,
    string Modality,
    bool Eligible,
    byte[] Levels)
{
    /// <summary>Gate bits (1 = G1, 2 = G2, 4 = G3); read only for single-row lookups.</summary>
    public int FailedGates { get; init; }

    /// <summary>When the row was last written; read only for single-row lookups.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Whether the record was withdrawn; read only for group lookups, which return withdrawn rows too.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>The row's revision; read for shard and group lookups (a run's groups are compared by revisions, not clocks).</summary>
    public int Revision { get; init; }
}
