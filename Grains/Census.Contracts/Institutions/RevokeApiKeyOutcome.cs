namespace Census.Contracts.Institutions;

/// <summary>The outcome of revoking an API key.</summary>
public enum RevokeApiKeyOutcome
{
    Revoked,
    AlreadyRevoked,
    InstitutionNotFound,
    KeyNotFound,
}
