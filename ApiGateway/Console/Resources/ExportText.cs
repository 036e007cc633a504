namespace Census.ApiGateway.Console.Resources;

/// <summary>The export and output-check pages' words: ExportText.resx is Korean (the neutral language), ExportText.en.resx English.</summary>
public sealed class ExportText;
