using Census.Domain.Selection;

namespace Census.Domain.Tests.Selection;

/// <summary>Builders for selection inputs: scores given in points (× 4 to quarter-points), keys from short names.</summary>
internal static class Candidates
{
    private static readonly Dictionary<Sector, int> None = [];

    /// <summary>A candidate named <c>institution/dataset</c> with post and now in quarter-points.</summary>
    public static Candidate Of(string key, Sector sector, int post, int now = 0)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return new Candidate(key[..slash], key[(slash + 1)..], sector, post, now);
    }

    public static SelectionConstraints Constraints(
        int quota,
        int? maxPerInstitution = null,
        Dictionary<Sector, int>? min = null,
        Dictionary<Sector, int>? max = null) =>
        new(quota, maxPerInstitution, min ?? None, max ?? None);

    public static string[] Keys(this SelectionResult result) => result.Selected.Select(c => c.Key).ToArray();
}
