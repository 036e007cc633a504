namespace Census.ApiGateway.Console.Resources;

/// <summary>The agency pages' words: AgencyText.resx is Korean (the neutral language), AgencyText.en.resx English.</summary>
public sealed class AgencyText;
