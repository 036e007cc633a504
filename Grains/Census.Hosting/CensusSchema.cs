using Census.Grains.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Census.Hosting;

/// <summary>The cluster's PostgreSQL schema, as a silo host applies it before it starts.</summary>
public static class CensusSchema
{
    /// <summary>Applies pending migration scripts to the configured database; returns the versions applied.</summary>
    public static Task<IReadOnlyList<int>> MigrateAsync(IConfiguration configuration, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default) =>
        new SchemaMigrator(ConnectionStrings.Require(configuration), loggerFactory.CreateLogger<SchemaMigrator>())
            .MigrateAsync(cancellationToken);
}
