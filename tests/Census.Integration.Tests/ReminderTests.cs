using Census.Hosting;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Census.Integration.Tests;

/// <summary>
/// Reminders on the project's own PostgreSQL schema: a silo configured exactly as the Silo host
/// configures it (cluster mode), hosting a probe grain from this assembly.
/// </summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private TestPostgres _database = null!;
    private IHost _silo = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateAsync();
        await new Census.Grains.Storage.Postgres.SchemaMigrator(
            _database.ConnectionString,
            LoggerFactory.Create(_ => { }).CreateLogger<Census.Grains.Storage.Postgres.SchemaMigrator>()).MigrateAsync();

        var clusterId = "rem-" + Guid.NewGuid().ToString("N")[..8];
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Census:Mode"] = "cluster",
            ["Census:ClusterId"] = clusterId,
            ["Census:ServiceId"] = clusterId,
            ["Census:Silo:SiloPort"] = Census.Testing.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Census:Silo:GatewayPort"] = Census.Testing.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Census:Silo:AdvertisedAddress"] = "127.0.0.1",
            ["ConnectionStrings:Census"] = _database.ConnectionString,
        });
        builder.UseOrleans(silo =>
        {
            silo.AddCensusSilo(builder.Configuration);
            // Production refuses periods under a minute; a test may not wait that long.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    [Fact]
    public async Task A_reminder_stored_in_the_project_schema_fires()
    {
        var key = "probe-" + Guid.NewGuid().ToString("N")[..8];
        var fired = ReminderProbeGrain.Fired.GetOrAdd(key, _ => new TaskCompletionSource<TickStatus>(TaskCreationOptions.RunContinuationsAsynchronously));
        var grains = _silo.Services.GetRequiredService<IGrainFactory>();

        await grains.GetGrain<IReminderProbeGrain>(key).Arm(TimeSpan.FromSeconds(2));

        var tick = await fired.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(tick.CurrentTickTime > DateTime.MinValue);
        Assert.Equal(1, await _database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_reminders WHERE reminder_name = 'probe' AND grain_id LIKE '%{key}%'"));
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }

        await _database.DisposeAsync();
    }
}
