using Microsoft.Extensions.Logging;

namespace Census.Api.Tests.Security;

/// <summary>A gateway of its own for a security test class, its log entries (Information and above) captured.</summary>
// The gateway is disposed in DisposeAsync.
#pragma warning disable CA1001
public sealed class SecurityGateway : IAsyncLifetime
#pragma warning restore CA1001
{
    public LogCapture Logs { get; } = new(LogLevel.Information);

    public GatewayFixture Gateway { get; }

    public SecurityGateway() => Gateway = GatewayFixture.WithLogs(Logs);

    public Task InitializeAsync() => Gateway.InitializeAsync();

    public Task DisposeAsync() => Gateway.DisposeAsync();
}
