using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Census.Hosting;

/// <summary>Where a census process's HTTP endpoint listens when its settings do not say.</summary>
public static class ListenAddress
{
    /// <summary>
    /// Listens on <paramref name="defaultUrl"/> unless ASP.NET Core's own settings name an address:
    /// <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), <c>http_ports</c>/<c>https_ports</c>
    /// (<c>ASPNETCORE_HTTP_PORTS</c>, set by the .NET container images) or a Kestrel endpoint.
    /// </summary>
    public static void UseDefaultUnlessConfigured(WebApplicationBuilder builder, string defaultUrl)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) &&
            string.IsNullOrEmpty(configuration["http_ports"]) &&
            string.IsNullOrEmpty(configuration["https_ports"]) &&
            !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(defaultUrl);
        }
    }
}
