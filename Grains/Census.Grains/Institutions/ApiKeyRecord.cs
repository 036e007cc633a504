namespace Census.Grains.Institutions;

/// <summary>A stored API key: the hash of its secret and who issued or revoked it, when.</summary>
[GenerateSerializer, Alias("census.ApiKeyRecord")]
public sealed class ApiKeyRecord
{
    [Id(0)] public string SecretHash { get; set; } = "";
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
    [Id(2)] public string CreatedBy { get; set; } = "";
    [Id(3)] public DateTimeOffset? RevokedAt { get; set; }
    [Id(4)] public string? RevokedBy { get; set; }
}
