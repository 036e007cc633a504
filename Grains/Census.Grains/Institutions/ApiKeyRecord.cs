namespace Census.Grains.Institutions;

/// <summary>A stored API key: the hash of its secret, who issued or revoked it, when, and its last use.</summary>
[GenerateSerializer, Alias("census.ApiKeyRecord")]
public sealed class ApiKeyRecord
{
    [Id(0)] public string SecretHash { get; set; } = "";
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
    [Id(2)] public string CreatedBy { get; set; } = "";
    [Id(3)] public DateTimeOffset? RevokedAt { get; set; }
    [Id(4)] public string? RevokedBy { get; set; }

    /// <summary>The last use stored (at most an hour behind the grain's memory; see InstitutionGrain).</summary>
    [Id(5)] public DateTimeOffset? LastUsedAt { get; set; }
}
