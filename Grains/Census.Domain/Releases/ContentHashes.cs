using Census.Domain.Validation;
namespace Census.Domain.Releases;

/// <summary>The content-addressed store's names and sizes: a blob is named by its SHA-256, written as 64 lower-case hex digits.</summary>
public static class ContentHashes
{
    public const string Sha256Pattern = "^[0-9a-f]{64}$";

    /// <summary>The largest file (or part) the store takes: 64 GiB.</summary>
    public const long MaxBytes = 64L * 1024 * 1024 * 1024;

    public static bool IsSha256(string? value) =>
        value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public static void Sha256(ValidationErrors errors, string path, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(path, "is required.");
        }
        else if (!IsSha256(value))
        {
            errors.Add(path, "must be a SHA-256 as 64 lower-case hex digits.");
        }
    }

    public static void Size(ValidationErrors errors, string path, long? bytes)
    {
        if (bytes is null)
        {
            errors.Add(path, "is required.");
        }
        else if (bytes is < 1 or > MaxBytes)
        {
            errors.Add(path, $"must be from 1 to {MaxBytes} (64 GiB).");
        }
    }
}
