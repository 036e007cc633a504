namespace Census.ApiGateway.Console.Resources;

/// <summary>The admin pages' words (AdminText.resx, Korean; AdminText.en.resx, English).</summary>
public sealed class AdminText;
