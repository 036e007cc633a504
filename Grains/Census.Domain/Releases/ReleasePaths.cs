namespace Census.Domain.Releases;

/// <summary>
/// The paths of a release's files: relative, <c>/</c>-separated, at most <see cref="MaxLength"/> characters of
/// letters, digits, <c>.</c>, <c>_</c> and <c>-</c>; no empty segment, no <c>.</c> or <c>..</c> segment. A path that
/// passes is safe to unpack anywhere: it cannot climb out of the directory it lands in, nor name a device or a hidden
/// separator on any operating system.
/// </summary>
public static class ReleasePaths
{
    public const int MaxLength = 300;

    /// <summary>Why <paramref name="path"/> is not a release path, or null when it is one.</summary>
    public static string? Problem(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "is required.";
        }

        if (path.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters.";
        }

        if (path[0] == '/')
        {
            return "must be relative: no leading /.";
        }

        if (!path.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/'))
        {
            return "may contain only letters, digits, '.', '_', '-' and '/' between segments.";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "must not have an empty segment (// or a trailing /).";
            }

            if (segment is "." or "..")
            {
                return "must not have a '.' or '..' segment.";
            }
        }

        return null;
    }

    public static bool IsValid(string? path) => Problem(path) is null;
}
