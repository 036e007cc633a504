namespace Census.ApiGateway.Console.Resources;

/// <summary>The safe-zone pages' words: ZoneText.resx is Korean (the neutral language), ZoneText.en.resx English.</summary>
public sealed class ZoneText;
