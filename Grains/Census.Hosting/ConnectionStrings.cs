using Microsoft.Extensions.Configuration;

namespace Census.Hosting;

/// <summary>The one connection string the census uses in cluster mode.</summary>
public static class ConnectionStrings
{
    public const string Name = "Census";

    public static string Require(IConfiguration configuration) =>
        configuration.GetConnectionString(Name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Cluster mode needs a PostgreSQL connection string: set ConnectionStrings:{Name} (env ConnectionStrings__{Name}).");
}
