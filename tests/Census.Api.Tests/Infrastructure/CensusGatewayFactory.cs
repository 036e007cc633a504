using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Logging;

namespace Census.Api.Tests.Infrastructure;

/// <summary>
/// The gateway in local mode: it hosts its own silo on a free port and keeps state in SQLite under
/// <see cref="DataDirectory"/>. Settings go through <c>UseSetting</c>, which the minimal-hosting
/// <c>WebApplicationBuilder.Configuration</c> sees before <c>AddCensusGateway</c> reads the Census section.
/// </summary>
public sealed class CensusGatewayFactory(string dataDirectory, string? adminKey, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory;

    public string? AdminKey { get; } = adminKey;

    public int SiloPort { get; } = Census.Testing.FreePort.Next();

    /// <summary>When set, every log entry of the gateway and its silo at the capture's level is kept there, and nowhere else.</summary>
    public LogCapture? Logs { get; init; }

    /// <summary>Extra services for the gateway and its in-process silo (e.g. a grain call filter that counts calls).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ExtraServices { get; init; }

    /// <summary>A new admin key, long enough for the gateway's 32-character minimum.</summary>
    public static string NewAdminKey() => "test-admin-" + Guid.NewGuid().ToString("N");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Census:Mode", "local");
        builder.UseSetting("Census:DataDirectory", DataDirectory);
        builder.UseSetting("Census:Silo:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (AdminKey is not null)
        {
            builder.UseSetting("Census:Auth:AdminKeys:0", AdminKey);
        }

        // Tests fire requests faster than any agency would: rate limits are off unless a test turns them on.
        builder.UseSetting("Census:RateLimits:Enabled", "false");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(name, value);
        }

        if (ExtraServices is { } services)
        {
            builder.ConfigureServices(services);
        }

        if (Logs is { } logs)
        {
            // The capture replaces the console and the other providers (thousands of requests need not be
            // printed), with a rule of its own so the configured levels do not hide anything from it.
            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).AddFilter<LogCapture>(null, logs.MinimumLevel));
        }
    }

    /// <summary>
    /// A client that sends <paramref name="authorization"/> verbatim (null: no header). Every call it
    /// makes fails the test if it is answered with a 5xx (<see cref="NoServerErrors"/>).
    /// </summary>
    public HttpClient ClientWith(string? authorization)
    {
        var client = CreateDefaultClient(
            ClientOptions.BaseAddress, new NoServerErrors(), new RedirectHandler(ClientOptions.MaxAutomaticRedirections));
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        return client;
    }

    /// <summary>A client presenting <paramref name="key"/> as a bearer key.</summary>
    public HttpClient ClientWithKey(string key) => ClientWith("Bearer " + key);
}
