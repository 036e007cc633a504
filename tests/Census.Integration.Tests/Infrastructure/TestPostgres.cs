using Npgsql;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for one fixture, created from the server named by
/// <c>CENSUS_TEST_POSTGRES</c> (a role with CREATEDB; tests/run.sh sets it up) and dropped afterwards.
/// There is no fallback: without a real PostgreSQL these tests fail, they never skip.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "CENSUS_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private TestPostgres(string serverConnectionString, string databaseName)
    {
        _serverConnectionString = serverConnectionString;
        DatabaseName = databaseName;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName, Pooling = false }.ToString();
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Integration tests need a real PostgreSQL: run them through tests/run.sh, " +
                $"or set {Variable} to a connection string of a role that may create databases.");

    public static async Task<TestPostgres> CreateAsync()
    {
        var server = ServerConnectionString;
        var name = "census_it_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new TestPostgres(server, name);
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // An autovacuum worker (a superuser process, which FORCE may not terminate for this role) is
                // visiting the fresh database; it is done within moments.
                await Task.Delay(500);
            }
        }
    }
}
