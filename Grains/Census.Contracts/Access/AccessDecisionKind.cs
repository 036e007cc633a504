namespace Census.Contracts.Access;

/// <summary>What a decider says of a request.</summary>
public enum AccessDecisionKind { Approve, Reject, RequestChanges }
