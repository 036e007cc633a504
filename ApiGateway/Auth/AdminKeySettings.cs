using Census.Hosting;

namespace Census.ApiGateway.Auth;

/// <summary>
/// Reads the admin keys once, at start: configured keys (<c>Census:Auth:AdminKeys</c>) must pass
/// <see cref="AdminKeyPolicy"/>, or the gateway refuses to start with a message naming the setting (never the
/// key). In local mode with none configured, the key kept in the data directory is used (generated first).
/// </summary>
public static class AdminKeySettings
{
    /// <summary>The configured keys, each checked; throws naming the first that is refused.</summary>
    public static List<string> Configured(IConfiguration configuration)
    {
        var keys = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.AdminKeys ?? [];
        var accepted = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(keys[i]))
            {
                continue;
            }

            if (AdminKeyPolicy.Weakness(keys[i]) is { } weakness)
            {
                throw new InvalidOperationException(
                    $"{AuthOptions.Section}:AdminKeys:{i} (Census__Auth__AdminKeys__{i}) {weakness}: the gateway does not start with it. {AdminKeyPolicy.HowToGenerate}");
            }

            accepted.Add(keys[i].Trim());
        }

        return accepted;
    }

    /// <summary>The keys to accept: the configured ones, or in local mode the stored (or new) local key.</summary>
    public static List<string> Resolve(List<string> configured, CensusOptions census, ILogger logger)
    {
        if (configured.Count > 0)
        {
            return configured;
        }

        if (census.Mode == CensusMode.Local)
        {
            var key = LocalAdminKey.LoadOrCreate(census.DataDirectory, out var created);
            // Where the key is, never the key: logs are copied to places a secret must not go.
            logger.LogWarning(
                "Local mode: no admin key is configured; {Which} the one kept in {Path} (readable only by this user).",
                created ? "generated" : "using", LocalAdminKey.PathIn(census.DataDirectory));
            return [key];
        }

        logger.LogWarning("No admin key is configured (Census:Auth:AdminKeys): admin routes will refuse every caller.");
        return [];
    }
}
