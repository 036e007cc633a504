namespace Census.Exchange.Catalog.Rdf;

/// <summary>
/// The prefixes both writers abbreviate IRIs with (Turtle <c>@prefix</c>, the JSON-LD inline context).
/// A local name is abbreviated only when it is safe in both syntaxes; anything else is written in full.
/// </summary>
public static class RdfPrefixes
{
    public static readonly IReadOnlyList<(string Prefix, string Namespace)> All =
    [
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("xsd", Xsd.Namespace),
        ("dcat", "http://www.w3.org/ns/dcat#"),
        ("dct", "http://purl.org/dc/terms/"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("dqv", "http://www.w3.org/ns/dqv#"),
        ("dcatap", "http://data.europa.eu/r5r/"),
    ];

    /// <summary><c>prefix:local</c> for an IRI in a known namespace with a plain local name; else null.</summary>
    public static string? Abbreviate(string iri)
    {
        foreach (var (prefix, ns) in All)
        {
            if (iri.StartsWith(ns, StringComparison.Ordinal) && IsPlainLocalName(iri.AsSpan(ns.Length)))
            {
                return prefix + ":" + iri[ns.Length..];
            }
        }

        return null;
    }

    private static bool IsPlainLocalName(ReadOnlySpan<char> local)
    {
        if (local.IsEmpty || !char.IsAsciiLetter(local[0]))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
