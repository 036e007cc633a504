using System.Text;

namespace Census.Exchange.Harvest.Rdf;

/// <summary>
/// Resolution of a relative IRI against a base (RFC 3986 section 5.2), done on the text itself:
/// <see cref="Uri"/> would percent-encode non-ASCII characters and rewrite the IRI a catalogue wrote.
/// </summary>
public static class IriReference
{
    public static bool IsAbsolute(string iri)
    {
        var colon = iri.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(iri[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(iri[i]) || iri[i] is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public static string Resolve(string? baseIri, string reference)
    {
        if (IsAbsolute(reference) || string.IsNullOrEmpty(baseIri))
        {
            return IsAbsolute(reference) ? WithoutDotSegments(reference) : reference;
        }

        var (scheme, authority, path, query) = Split(baseIri);
        var (_, refAuthority, refPath, refQuery, refFragment) = SplitReference(reference);
        string targetAuthority, targetPath, targetQuery;
        if (refAuthority is not null)
        {
            targetAuthority = refAuthority;
            targetPath = RemoveDotSegments(refPath);
            targetQuery = refQuery ?? "";
        }
        else
        {
            targetAuthority = authority ?? "";
            if (refPath.Length == 0)
            {
                targetPath = path;
                targetQuery = refQuery ?? query ?? "";
            }
            else
            {
                targetPath = refPath.StartsWith('/') ? RemoveDotSegments(refPath) : RemoveDotSegments(Merge(authority, path, refPath));
                targetQuery = refQuery ?? "";
            }
        }

        var result = new StringBuilder(scheme).Append(':');
        if (authority is not null || refAuthority is not null)
        {
            result.Append("//").Append(targetAuthority);
        }

        result.Append(targetPath);
        if (targetQuery.Length > 0)
        {
            result.Append('?').Append(targetQuery);
        }

        if (refFragment is not null)
        {
            result.Append('#').Append(refFragment);
        }

        return result.ToString();
    }

    private static string WithoutDotSegments(string iri)
    {
        var (scheme, authority, path, query, fragment) = SplitReference(iri);
        if (!path.Contains("./", StringComparison.Ordinal) && !path.EndsWith("/.", StringComparison.Ordinal) && !path.EndsWith("/..", StringComparison.Ordinal))
        {
            return iri;
        }

        var result = new StringBuilder(scheme).Append(':');
        if (authority is not null)
        {
            result.Append("//").Append(authority);
        }

        result.Append(RemoveDotSegments(path));
        if (query is not null)
        {
            result.Append('?').Append(query);
        }

        if (fragment is not null)
        {
            result.Append('#').Append(fragment);
        }

        return result.ToString();
    }

    private static (string Scheme, string? Authority, string Path, string? Query) Split(string iri)
    {
        var (scheme, authority, path, query, _) = SplitReference(iri);
        return (scheme ?? "", authority, path, query);
    }

    private static (string? Scheme, string? Authority, string Path, string? Query, string? Fragment) SplitReference(string reference)
    {
        string? scheme = null;
        var rest = reference;
        if (IsAbsolute(reference))
        {
            var colon = reference.IndexOf(':', StringComparison.Ordinal);
            scheme = reference[..colon];
            rest = reference[(colon + 1)..];
        }

        string? fragment = null;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        string? query = null;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        string? authority = null;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            authority = slash < 0 ? rest[2..] : rest[2..slash];
            rest = slash < 0 ? "" : rest[slash..];
        }

        return (scheme, authority, rest, query, fragment);
    }

    private static string Merge(string? baseAuthority, string basePath, string referencePath)
    {
        if (baseAuthority is not null && basePath.Length == 0)
        {
            return "/" + referencePath;
        }

        var lastSlash = basePath.LastIndexOf('/');
        return lastSlash < 0 ? referencePath : basePath[..(lastSlash + 1)] + referencePath;
    }

    private static string RemoveDotSegments(string path)
    {
        var input = path;
        var output = new List<string>();
        var absolute = input.StartsWith('/');
        var segments = input.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add("");
                }
            }
            else if (segment == "..")
            {
                if (output.Count > (absolute ? 1 : 0))
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add("");
                }
            }
            else
            {
                output.Add(segment);
            }
        }

        var joined = string.Join('/', output);
        return absolute && !joined.StartsWith('/') ? "/" + joined : joined;
    }
}
