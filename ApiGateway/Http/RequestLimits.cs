namespace Census.ApiGateway.Http;

/// <summary>Limits every request is held to (api.md: bodies over 1 MiB → 413).</summary>
public static class RequestLimits
{
    public const int MaxBodyBytes = 1024 * 1024;
}
