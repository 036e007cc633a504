namespace Census.Contracts.Access;

/// <summary>The kinds of user organisation a requester acts for (provision.md "Actors and roles").</summary>
public enum OrganisationKind { Company, University, ResearchInstitute, PublicBody, IndividualResearcher }
