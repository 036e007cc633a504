namespace Census.ApiGateway.Console.Resources;

/// <summary>The admin's user-organisation pages' words: OrganisationText.resx is Korean (the neutral language), OrganisationText.en.resx English.</summary>
public sealed class OrganisationText;
