namespace Census.ApiGateway.Auth;

/// <summary>The <c>Census:Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Census:Auth";

    /// <summary>Admin API keys (<c>Census__Auth__AdminKeys__0=…</c>). At least 32 characters each.</summary>
    public List<string> AdminKeys { get; set; } = [];
}
