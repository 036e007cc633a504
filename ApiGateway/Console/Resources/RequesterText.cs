namespace Census.ApiGateway.Console.Resources;

/// <summary>The requester's pages' words: RequesterText.resx is Korean (the neutral language), RequesterText.en.resx English.</summary>
public sealed class RequesterText;
