namespace Census.Hosting;

/// <summary>How the census runs: one self-contained process, or a PostgreSQL-backed cluster.</summary>
public enum CensusMode
{
    /// <summary>One process hosts a silo and the gateway; state in SQLite under the data directory.</summary>
    Local,

    /// <summary>Silo and gateway processes form one cluster on PostgreSQL.</summary>
    Cluster,
}
