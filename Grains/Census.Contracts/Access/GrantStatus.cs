namespace Census.Contracts.Access;

/// <summary>A grant is live until its period ends (expired) or someone revokes it.</summary>
public enum GrantStatus { Live, Expired, Revoked }
