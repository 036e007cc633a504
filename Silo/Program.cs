using Census.Grains.Hosting;
using Census.Grains.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A census silo (cluster mode). `Silo migrate` applies pending schema scripts and exits.
// Settings ship beside the binary: read them from there whatever the working directory is.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args.Where(a => a != "migrate").ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});
var options = SiloHosting.ReadOptions(builder.Configuration);
if (options.Mode != CensusMode.Cluster)
{
    Console.Error.WriteLine(
        "The Silo host runs only in cluster mode (Census:Mode=cluster). For a single-process local run, start the ApiGateway.");
    return 2;
}

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
var migrator = new SchemaMigrator(ConnectionStrings.Require(builder.Configuration), loggerFactory.CreateLogger<SchemaMigrator>());

// Migrations run before the silo starts: clustering, storage and reminders all read their SQL from
// tables the scripts create, so the schema must be current before Orleans touches the database.
await migrator.MigrateAsync();
if (args.Contains("migrate"))
{
    return 0;
}

builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
builder.UseOrleans(silo => silo.AddCensusSilo(builder.Configuration));
await builder.Build().RunAsync();
return 0;
