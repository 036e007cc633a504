using System.Net.Sockets;

namespace Census.Api.Tests.Infrastructure;

/// <summary>A TCP port nothing listens on right now, for the silo a gateway under test hosts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
