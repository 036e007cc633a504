using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>The gateway in local mode (its own silo, SQLite under <paramref name="dataDirectory"/>).</summary>
public sealed class LocalGateway(string dataDirectory) : WebApplicationFactory<Program>
{
    public const string AdminKey = "it-local-admin-9d3e5b7c2a1f4e8d6b0c3a5f7e9d1b2c";

    private readonly int _siloPort = Census.Testing.FreePort.Next();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Census:Mode", "local");
        builder.UseSetting("Census:DataDirectory", dataDirectory);
        builder.UseSetting("Census:Silo:SiloPort", _siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Census:Auth:AdminKeys:0", AdminKey);
    }

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }
}
