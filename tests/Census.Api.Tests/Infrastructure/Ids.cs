namespace Census.Api.Tests.Infrastructure;

/// <summary>Unique, valid institution ids (<c>^[a-z0-9][a-z0-9-]{1,62}$</c>), one set per test.</summary>
public static class Ids
{
    public static string New(string prefix = "inst") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A well-formed key id (12 lower-case hex digits) that no key has.</summary>
    public static string UnknownKeyId() => Guid.NewGuid().ToString("N")[..12];
}
