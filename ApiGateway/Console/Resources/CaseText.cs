namespace Census.ApiGateway.Console.Resources;

/// <summary>The processing-case pages' words: CaseText.resx is Korean (the neutral language), CaseText.en.resx English.</summary>
public sealed class CaseText;
