namespace Census.Contracts.Principals;

/// <summary>The roles a person registered by an admin acts in, beside <c>admin</c> and <c>agency</c> (provision.md "Actors and roles").</summary>
public enum PrincipalRole { Reviewer, Requester, ZoneOperator, OutputChecker }
