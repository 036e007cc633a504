using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests.Provision;

/// <summary>
/// One released safe-zone-only dataset and a requester's live safe-zone grant on it, shared by the safe-zone and export
/// tests of a run (the census loop behind it costs seconds). Each test makes its own sites, checkers and requests.
/// </summary>
internal static class ZoneGrant
{
    private static Task<(ProvisionScene.Released Released, string Organisation, (string Id, string Key) Requester, string GrantId)>? _granted;

    private static readonly Lock Gate = new();

    public static Task<(ProvisionScene.Released Released, string Organisation, (string Id, string Key) Requester, string GrantId)> Of(ConsoleServer server)
    {
        lock (Gate)
        {
            // Safe-zone-only data is granted for at most 25 days of use.
            return _granted ??= new ProvisionScene(server).GrantedAsync("safe-zone-only", periodDays: 25);
        }
    }
}
