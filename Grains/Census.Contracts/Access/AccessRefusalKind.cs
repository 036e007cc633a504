namespace Census.Contracts.Access;

/// <summary>Why an access operation was refused; the gateway maps each to its HTTP status.</summary>
public enum AccessRefusalKind { NotFound, Forbidden, Conflict, Unprocessable, Invalid }
