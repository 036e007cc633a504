namespace Census.Contracts.Access;

/// <summary>What an access request is for (provision.md §2); <see cref="Other"/> needs a text.</summary>
public enum AccessPurpose { AiModelTraining, Research, PublicService, Education, CommercialService, Other }
