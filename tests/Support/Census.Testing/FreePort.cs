using System.Net;
using System.Net.Sockets;

namespace Census.Testing;

/// <summary>
/// A TCP port nothing listens on, for the silos and gateways a test starts. Ports come from below the ephemeral range
/// (20000–31999): a port the OS hands out for its own outgoing connections (Npgsql, HTTP clients, the browser) can be
/// taken between the test choosing it and the process binding it — seen in CI as "address already in use". Within a
/// process, ports are handed out in turn, so two fixtures never get the same one.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Count = 12_000;

    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free port between {First} and {First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var any = new TcpListener(IPAddress.Any, port);
            any.Start();
            any.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
