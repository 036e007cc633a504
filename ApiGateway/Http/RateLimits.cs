using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Census.ApiGateway.Auth;
using Census.Domain.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Census.ApiGateway.Http;

/// <summary>The <c>Census:RateLimits</c> section: a token bucket per API key on the API routes.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Census:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests a key may make per second, sustained; below 1, one request every 1 / rate seconds.</summary>
    [Range(0.0001, 1_000_000)]
    public double PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a key may make at once after being idle (the bucket's size).</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 200;
}

/// <summary>
/// Per-key rate limits (ASP.NET Core's rate limiter, one token bucket per partition), applied before the key is
/// verified so a flood costs no grain call. A partition is the institution key's id (<c>inst.keyId</c>, parsed,
/// not yet verified), the admin key's fingerprint, or — for anything else, missing or malformed keys included — the
/// client's address. Health, metrics and the API description are not limited. A rejected request gets 429 with
/// Retry-After and a problem.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddCensusRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = OnRejected;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!options.Enabled || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var (tokens, period) = options.PermitsPerSecond >= 1
            ? ((int)Math.Round(options.PermitsPerSecond), TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromSeconds(1 / options.PermitsPerSecond));
        return RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    internal static string PartitionKey(HttpContext context)
    {
        string? header = context.Request.Headers.Authorization;
        const string bearer = "Bearer ";
        if (header is not null && header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            var token = header[bearer.Length..].Trim();
            if (ApiKeys.TryParse(token, out var key))
            {
                return $"key:{key.InstitutionId}.{key.KeyId}";
            }

            if (context.RequestServices.GetRequiredService<AdminKeyRing>().Match(token) is { } admin)
            {
                return admin;
            }
        }

        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static async ValueTask OnRejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This API key (or client) has used its request rate. Retry after {retryAfter} s.",
            },
        });
    }
}
