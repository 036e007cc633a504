using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Census.Grains.Storage.Postgres;

/// <summary>
/// Applies the versioned scripts of deploy/sql (embedded in this assembly) to a PostgreSQL database.
/// Each script runs once, in its own transaction, in version order; the applied set is recorded in
/// <c>census_schema_history</c> with a checksum, so an edited script that already ran is refused
/// rather than silently diverging. A session-level advisory lock serialises concurrent callers:
/// three silos starting at once apply each script exactly once.
/// </summary>
public sealed partial class SchemaMigrator(string connectionString, ILogger<SchemaMigrator> logger)
{
    // Arbitrary but fixed: every census process contends on the same advisory lock key.
    private const long LockKey = 0x43454E5355530001;

    [GeneratedRegex(@"^V(?<version>\d{3,})__(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptName();

    /// <summary>A migration script: its version, name, text and checksum.</summary>
    public sealed record Script(int Version, string Name, string Sql, string Checksum);

    /// <summary>All scripts shipped with this build, in version order.</summary>
    public static IReadOnlyList<Script> Scripts { get; } = LoadScripts();

    /// <summary>Applies pending scripts and returns the versions it applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS census_schema_history (
                    version     integer     PRIMARY KEY,
                    name        text        NOT NULL,
                    checksum    text        NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var appliedNow = new List<int>();
            foreach (var script in Scripts)
            {
                if (applied.TryGetValue(script.Version, out var checksum))
                {
                    if (checksum != script.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Schema script V{script.Version:000} ({script.Name}) was changed after it was applied. " +
                            "Applied scripts are immutable: add a new version instead.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(script.Sql, connection, transaction))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand(
                    "INSERT INTO census_schema_history (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = script.Version });
                    record.Parameters.Add(new NpgsqlParameter { Value = script.Name });
                    record.Parameters.Add(new NpgsqlParameter { Value = script.Checksum });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                appliedNow.Add(script.Version);
                logger.LogInformation("Applied schema script V{Version:000} {Name}", script.Version, script.Name);
            }

            if (appliedNow.Count == 0)
            {
                logger.LogInformation("Schema is up to date at V{Version:000}", Scripts[^1].Version);
            }

            return appliedNow;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM census_schema_history", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Script> LoadScripts()
    {
        const string prefix = "Census.Migrations.";
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<Script>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..];
            var match = ScriptName().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Schema script {fileName} is not named V<version>__<name>.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sql)));
            scripts.Add(new Script(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                sql,
                checksum));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException("No schema scripts are embedded in " + assembly.GetName().Name + ".");
        }

        if (scripts.Select(s => s.Version).Distinct().Count() != scripts.Count)
        {
            throw new InvalidOperationException("Two schema scripts share a version.");
        }

        return scripts;
    }
}
