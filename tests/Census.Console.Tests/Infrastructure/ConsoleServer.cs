using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Console.Tests.Infrastructure;

/// <summary>
/// The gateway in local mode (its own silo, SQLite in a fresh directory), listening on a real socket so a browser can
/// reach it: the console and the API on one address, as <c>dotnet run --project ApiGateway</c> serves them.
/// </summary>
public sealed class ConsoleServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "census-console-tests", Guid.NewGuid().ToString("N"));
    private readonly int _siloPort = Census.Testing.FreePort.Next();

    public ConsoleServer()
    {
        Directory.CreateDirectory(_dataDirectory);
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public string AdminKey { get; } = "console-admin-" + Guid.NewGuid().ToString("N");

    /// <summary>http://127.0.0.1:port, no trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The API as admin, to arrange what a test starts from.</summary>
    public HttpClient Api { get; }

    /// <summary>The API with another key.</summary>
    public HttpClient ApiWith(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Census:Mode", "local");
        builder.UseSetting("Census:DataDirectory", _dataDirectory);
        builder.UseSetting("Census:Silo:SiloPort", _siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Census:Auth:AdminKeys:0", AdminKey);
        builder.UseSetting("Census:RateLimits:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
