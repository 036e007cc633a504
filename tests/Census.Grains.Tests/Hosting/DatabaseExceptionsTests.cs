using System.Data.Common;
using System.Net.Sockets;
using Census.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;

namespace Census.Grains.Tests.Hosting;

/// <summary>
/// A grain's database failure must reach the gateway as a database exception, which it answers with
/// 503: Orleans' exception codec refuses Npgsql's exceptions unless the census configuration allows them.
/// </summary>
public sealed class DatabaseExceptionsTests
{
    private static Serializer CensusSerializer() =>
        new ServiceCollection()
            .AddSerializer()
            .Configure<ExceptionSerializationOptions>(DatabaseExceptions.CrossTheWire)
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();

    [Fact]
    public void A_server_error_from_PostgreSQL_crosses_the_wire_as_a_DbException()
    {
        var serializer = CensusSerializer();
        Exception thrown = new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300");

        var received = serializer.Deserialize<Exception>(serializer.SerializeToArray(thrown));

        Assert.IsAssignableFrom<DbException>(received);
        Assert.Contains("too many clients", received!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_connection_inside_another_exception_crosses_the_wire_as_a_DbException()
    {
        var serializer = CensusSerializer();
        Exception thrown = new InvalidOperationException("state write failed",
            new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)));

        var received = serializer.Deserialize<Exception>(serializer.SerializeToArray(thrown));

        Assert.IsType<InvalidOperationException>(received);
        Assert.IsAssignableFrom<DbException>(received.InnerException);
    }
}
