namespace Census.ApiGateway.Console.Resources;

/// <summary>The public catalogue pages' words: CatalogueText.resx is Korean (the neutral language), CatalogueText.en.resx English.</summary>
public sealed class CatalogueText;
