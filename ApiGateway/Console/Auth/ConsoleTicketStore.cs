using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace Census.ApiGateway.Console.Auth;

/// <summary>
/// Console sessions, kept in this gateway's memory: the cookie carries a random session id and nothing else. A
/// session ends at sign-out, after <see cref="ConsoleAuth.IdleTimeout"/> without a request, or when its key stops
/// verifying. Sessions are per gateway: behind a load balancer, route a browser to one gateway (sticky sessions).
/// </summary>
public sealed class ConsoleTicketStore : ITicketStore, IDisposable
{
    private const int MaxSessions = 50_000;

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = MaxSessions });

    public int Count => _tickets.Count;

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Set(id, ticket);
        return Task.FromResult(id);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        Set(key, ticket);
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(_tickets.TryGetValue(key, out AuthenticationTicket? ticket) ? ticket : null);

    public Task RemoveAsync(string key)
    {
        _tickets.Remove(key);
        return Task.CompletedTask;
    }

    private void Set(string id, AuthenticationTicket ticket) =>
        _tickets.Set(id, ticket, new MemoryCacheEntryOptions { SlidingExpiration = ConsoleAuth.IdleTimeout, Size = 1 });

    public void Dispose() => _tickets.Dispose();
}
