using System.Net;
using System.Net.Sockets;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>A TCP port nothing listens on right now, for silos and gateways started by a test.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
