using Census.Hosting;
using Census.Silo.Hosting;

// A census silo (cluster mode) with a small HTTP endpoint for probes, metrics and the optional
// dashboard. `Silo migrate` applies pending schema scripts and exits.
// Settings ship beside the binary: read them from there whatever the working directory is.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args.Where(a => a != "migrate").ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});
var options = builder.Services.AddCensusSettings(builder.Configuration);
if (options.Mode != CensusMode.Cluster)
{
    Console.Error.WriteLine(
        "The Silo host runs only in cluster mode (Census:Mode=cluster). For a single-process local run, start the ApiGateway.");
    return 2;
}

// The migrator logs before the host exists: with the same Logging settings, so its lines look like the host's.
using var loggerFactory = LoggerFactory.Create(b => b.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());

// Migrations run before the silo starts: clustering, storage and reminders all read their SQL from
// tables the scripts create, so the schema must be current before Orleans touches the database.
await CensusSchema.MigrateAsync(builder.Configuration, loggerFactory);
if (args.Contains("migrate"))
{
    return 0;
}

builder.AddCensusSiloHost();
var app = builder.Build();
app.UseCensusSiloHost();
await app.RunAsync();
return 0;
