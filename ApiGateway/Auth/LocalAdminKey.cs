using System.Security.Cryptography;

namespace Census.ApiGateway.Auth;

/// <summary>
/// Local mode with no admin key configured: one is generated on first start and kept in the data
/// directory (owner-only permissions), so a laptop run works out of the box and keeps its key.
/// </summary>
public static class LocalAdminKey
{
    public const string FileName = "admin-key";

    /// <summary>Returns the stored key, creating it first when absent; <paramref name="created"/> says which.</summary>
    public static string LoadOrCreate(string dataDirectory, out bool created)
    {
        var path = PathIn(dataDirectory);
        if (File.Exists(path))
        {
            created = false;
            var stored = File.ReadAllText(path).Trim();
            return AdminKeyPolicy.Weakness(stored) is { } weakness
                ? throw new InvalidOperationException(
                    $"{path} holds no usable admin key (it {weakness}). Delete it to have a new one generated.")
                : stored;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = "adm_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, fileOptions))
        {
            writer.Write(key);
        }

        created = true;
        return key;
    }

    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);
}
