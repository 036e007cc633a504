namespace Census.ApiGateway.Console.Resources;

/// <summary>
/// The console's shared words (layout, sign-in, common actions): ConsoleText.resx is Korean (the neutral language),
/// ConsoleText.en.resx English.
/// </summary>
public sealed class ConsoleText;
