using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Census.ApiGateway.Auth;
using Census.Domain.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Census.ApiGateway.Http;

/// <summary>
/// Rate limits in two steps around authentication, so that nothing unverified reaches a grain once its client is
/// over its rate. Before authentication: an admin key (checked in memory) draws from its own bucket; an agency key
/// that already verified on this gateway draws from its key's bucket; every other request — no key, a malformed
/// key, or an agency key not yet verified here — draws from its client address's bucket and is refused with no
/// grain call when that is empty. After authentication: a key that verified now draws from its own bucket from
/// then on; a key its institution refused charges the address <see cref="RateLimitOptions.FailedVerificationCost"/>
/// more permits and is forgotten. Health, metrics and the API description are not limited. A refused request gets
/// 429 with Retry-After and a problem. Addresses are the connection's (an IPv6 client by its /64).
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddCensusRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new TokenBuckets(
            sp.GetRequiredService<IOptions<RateLimitOptions>>().Value, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<VerifiedKeys>();
        return services;
    }

    /// <summary>In place of the framework's rate limiter: before authentication, which it runs itself once.</summary>
    public static IApplicationBuilder UseCensusRateLimits(this IApplicationBuilder app) => app.Use(LimitAsync);

    private static async Task LimitAsync(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!options.Enabled || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var buckets = context.RequestServices.GetRequiredService<TokenBuckets>();
        var verified = context.RequestServices.GetRequiredService<VerifiedKeys>();
        var token = ApiKeyAuthenticationHandler.BearerToken(context.Request);
        TimeSpan retryAfter;
        if (token is not null && context.RequestServices.GetRequiredService<AdminKeyRing>().Match(token) is { } admin)
        {
            if (!buckets.TryTake("admin:" + admin.Index.ToString(CultureInfo.InvariantCulture), out retryAfter))
            {
                await RejectAsync(context, retryAfter);
                return;
            }

            await next(context);
            return;
        }

        var agencyKey = token is not null && ApiKeys.TryParse(token, out var parsed) ? $"{parsed.OwnerId}.{parsed.KeyId}" : null;
        var address = AddressPartition(context);
        var knownKey = agencyKey is not null && verified.Contains(agencyKey);
        if (!buckets.TryTake(knownKey ? "key:" + agencyKey : address, out retryAfter))
        {
            await RejectAsync(context, retryAfter);
            return;
        }

        var result = await context.AuthenticateAsync();
        if (agencyKey is not null && result.Succeeded)
        {
            if (!knownKey)
            {
                verified.Add(agencyKey);
                if (!buckets.TryTake("key:" + agencyKey, out retryAfter))
                {
                    await RejectAsync(context, retryAfter);
                    return;
                }
            }
        }
        else if (agencyKey is not null)
        {
            // Its institution was asked and said no: the address pays for that call.
            verified.Forget(agencyKey);
            buckets.Charge(address, options.FailedVerificationCost);
        }

        await next(context);
    }

    /// <summary>The client address's bucket: IPv4 by address, IPv6 by its /64 (one host usually holds the whole /64).</summary>
    internal static string AddressPartition(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "ip:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "ip:" + new IPAddress(bytes) + "/64";
        }

        return "ip:" + address;
    }

    private static async Task RejectAsync(HttpContext context, TimeSpan wait)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
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
