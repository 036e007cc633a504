namespace Census.Grains.Storage;

/// <summary>Names of the grain storage providers; the state names are in each grain.</summary>
public static class StorageNames
{
    /// <summary>The census's one grain storage: PostgreSQL in cluster mode, SQLite in local mode.</summary>
    public const string Census = "census";
}
