namespace Census.ApiGateway.Console.Resources;

/// <summary>The provision roles' navigation and sign-in words: PortalText.resx is Korean (the neutral language), PortalText.en.resx English.</summary>
public sealed class PortalText;
