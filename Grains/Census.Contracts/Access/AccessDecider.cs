namespace Census.Contracts.Access;

/// <summary>In which capacity someone decides: the providing institution, a reviewer of the pool, or an admin (who may reject, not approve).</summary>
public enum AccessDecider { Agency, Reviewer, Admin }
