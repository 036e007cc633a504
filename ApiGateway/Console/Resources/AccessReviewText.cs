namespace Census.ApiGateway.Console.Resources;

/// <summary>The access-review pages' words: AccessReviewText.resx is Korean (the neutral language), AccessReviewText.en.resx English.</summary>
public sealed class AccessReviewText;
