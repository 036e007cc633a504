using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Census.Hosting;

/// <summary>
/// Connects a cluster-mode gateway's Orleans client in the background, so the host finishes starting (the web server
/// listens, answers 503 and reports itself unready) however long the cluster is away, and a stop that lands while
/// the client is still connecting is an ordinary stop: the connect attempt is cancelled and awaited first, and the
/// client is stopped only if it had connected. Orleans' own hosted service would otherwise be started and stopped at
/// the same time, which fails the host's start and races inside the client's shutdown.
/// </summary>
public sealed partial class ClusterConnection : IHostedService, IDisposable
{
    private readonly IHostedService _client;
    private readonly ILogger<ClusterConnection> _logger;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _connecting = Task.CompletedTask;

    private ClusterConnection(IHostedService client, ILogger<ClusterConnection> logger, IHostApplicationLifetime lifetime)
    {
        _client = client;
        _logger = logger;
        _lifetime = lifetime;
    }

    /// <summary>True once the client has joined the cluster; requests that need grains wait for it.</summary>
    public bool IsConnected => _connected.Task.IsCompletedSuccessfully;

    /// <summary>
    /// Replaces the hosted services <paramref name="addClient"/> registers (the Orleans client's) with one
    /// <see cref="ClusterConnection"/> that starts them in the background.
    /// </summary>
    public static void Register(IServiceCollection services, Action addClient)
    {
        var before = services.Where(d => d.ServiceType == typeof(IHostedService)).ToHashSet();
        addClient();
        var added = services.Where(d => d.ServiceType == typeof(IHostedService) && !before.Contains(d)).ToList();
        if (added.Count != 1)
        {
            throw new InvalidOperationException($"Expected the Orleans client to register one hosted service, found {added.Count}.");
        }

        var descriptor = added[0];
        services.Remove(descriptor);
        services.AddSingleton(sp => new ClusterConnection(
            Resolve(descriptor, sp),
            sp.GetRequiredService<ILogger<ClusterConnection>>(),
            sp.GetRequiredService<IHostApplicationLifetime>()));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterConnection>());
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _connecting = Task.Run(() => ConnectAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _connecting.WaitAsync(cancellationToken);
        if (IsConnected)
        {
            await _client.StopAsync(cancellationToken);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task ConnectAsync(CancellationToken stopping)
    {
        try
        {
            await _client.StartAsync(stopping);
            _connected.TrySetResult();
            LogConnected(_logger);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogStoppedBeforeConnecting(_logger);
        }
        catch (Exception e)
        {
            // The retry filter retries every failure to reach the cluster; anything else is a misconfiguration
            // that no retry mends: stop the process so its supervisor reports it.
            LogCannotConnect(_logger, e);
            _lifetime.StopApplication();
        }
    }

    private static IHostedService Resolve(ServiceDescriptor descriptor, IServiceProvider services) => descriptor switch
    {
        { ImplementationInstance: IHostedService instance } => instance,
        { ImplementationFactory: { } factory } => (IHostedService)factory(services),
        { ImplementationType: { } type } => (IHostedService)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("The Orleans client's hosted service cannot be resolved."),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the cluster.")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped before the cluster was reached.")]
    private static partial void LogStoppedBeforeConnecting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The cluster client cannot start; the gateway stops.")]
    private static partial void LogCannotConnect(ILogger logger, Exception exception);
}
