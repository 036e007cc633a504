namespace Census.ApiGateway.Console.Resources;

/// <summary>The providing agency's pages' words: ProviderText.resx is Korean (the neutral language), ProviderText.en.resx English.</summary>
public sealed class ProviderText;
