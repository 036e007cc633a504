using System.Text.Json;
using System.Text.Json.Nodes;

namespace Census.Exchange.Catalog.Rdf;

/// <summary>
/// Writes a graph as JSON-LD 1.1: an inline <c>@context</c> of prefixes only (nothing to fetch at run time)
/// and a flat <c>@graph</c> with one node object per subject. Every value is an explicit value or node
/// object (<c>@value</c>/<c>@language</c>/<c>@type</c>, or <c>@id</c> with a full IRI), so the document
/// means exactly the triples of the graph, whatever a processor's defaults.
/// </summary>
public static class JsonLdWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Context()
    {
        var context = new JsonObject();
        foreach (var (prefix, ns) in RdfPrefixes.All)
        {
            context[prefix] = ns;
        }

        return context;
    }

    public static string Write(RdfGraph graph)
    {
        var nodes = new JsonArray();
        foreach (var subject in graph.BySubject())
        {
            var node = new JsonObject { ["@id"] = subject.Key.Value };
            var types = subject.Where(t => t.Predicate == Vocabulary.RdfSyntax.Type).Select(t => t.Value).OfType<RdfIri>().ToList();
            if (types.Count > 0)
            {
                node["@type"] = new JsonArray([.. types.Select(t => (JsonNode?)JsonValue.Create(Name(t.Value)))]);
            }

            foreach (var predicate in subject.Where(t => t.Predicate != Vocabulary.RdfSyntax.Type).GroupBy(t => t.Predicate))
            {
                node[Name(predicate.Key.Value)] = new JsonArray([.. predicate.Select(t => Value(t.Value))]);
            }

            nodes.Add(node);
        }

        var document = new JsonObject { ["@context"] = Context(), ["@graph"] = nodes };
        return document.ToJsonString(Indented);
    }

    private static string Name(string iri) => RdfPrefixes.Abbreviate(iri) ?? iri;

    private static JsonObject Value(RdfTerm term) => term switch
    {
        RdfIri iri => new JsonObject { ["@id"] = iri.Value },
        RdfLiteral { Language: { } language } literal => new JsonObject { ["@value"] = literal.Value, ["@language"] = LanguageTag.Checked(language) },
        RdfLiteral { Datatype: { } datatype } literal when datatype != Xsd.PlainString => new JsonObject { ["@value"] = literal.Value, ["@type"] = Name(datatype) },
        RdfLiteral literal => new JsonObject { ["@value"] = literal.Value },
        _ => throw new ArgumentOutOfRangeException(nameof(term), term, "Unknown RDF term."),
    };
}
