using Orleans.Serialization;

namespace Census.Hosting;

/// <summary>
/// Orleans serializes only exceptions from the Microsoft, System and Azure namespaces. A grain whose
/// database call fails throws an Npgsql exception (NpgsqlException, PostgresException): without this,
/// the silo cannot serialize the failure, the caller receives a CodecNotFoundException instead, and the
/// gateway cannot tell a database outage (503, retry) from a bug (500). Silos and clients both apply it:
/// one side writes the exception, the other reads it.
/// </summary>
public static class DatabaseExceptions
{
    public const string NpgsqlNamespace = "Npgsql";

    public static void CrossTheWire(ExceptionSerializationOptions options) =>
        options.SupportedNamespacePrefixes.Add(NpgsqlNamespace);
}
