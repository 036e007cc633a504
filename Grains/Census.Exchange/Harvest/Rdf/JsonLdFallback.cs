namespace Census.Exchange.Harvest.Rdf;

/// <summary>
/// What a JSON-LD catalogue means when its <c>@context</c> is a URL this build does not bundle (nothing is
/// fetched at run time): the well-known prefixes, <c>id</c>/<c>type</c> as the keywords, and the DCAT and
/// Dublin Core local names catalogues use as bare terms (<c>title</c>, <c>keyword</c>, <c>distribution</c>…),
/// the IRI-valued ones coerced to IRIs. A term the document defines itself always wins.
/// </summary>
public static class JsonLdFallback
{
    private static readonly (string Term, string Iri, bool IsIri)[] Names =
    [
        ("Catalog", RdfNames.Dcat + "Catalog", false),
        ("Dataset", RdfNames.Dcat + "Dataset", false),
        ("Distribution", RdfNames.Dcat + "Distribution", false),
        ("dataset", RdfNames.Dcat + "dataset", true),
        ("title", RdfNames.Dct + "title", false),
        ("description", RdfNames.Dct + "description", false),
        ("keyword", RdfNames.Dcat + "keyword", false),
        ("theme", RdfNames.Dcat + "theme", true),
        ("license", RdfNames.Dct + "license", true),
        ("distribution", RdfNames.Dcat + "distribution", false),
        ("format", RdfNames.Dct + "format", true),
        ("mediaType", RdfNames.Dcat + "mediaType", true),
        ("accrualPeriodicity", RdfNames.Dct + "accrualPeriodicity", true),
        ("modified", RdfNames.Dct + "modified", false),
        ("issued", RdfNames.Dct + "issued", false),
        ("temporal", RdfNames.Dct + "temporal", false),
        ("startDate", RdfNames.Dcat + "startDate", false),
        ("endDate", RdfNames.Dcat + "endDate", false),
        ("contactPoint", RdfNames.Dcat + "contactPoint", false),
        ("hasEmail", RdfNames.Vcard + "hasEmail", false),
        ("identifier", RdfNames.Dct + "identifier", false),
        ("downloadURL", RdfNames.Dcat + "downloadURL", true),
        ("accessURL", RdfNames.Dcat + "accessURL", true),
        ("landingPage", RdfNames.Dcat + "landingPage", true),
    ];

    public static IReadOnlyDictionary<string, JsonLdTerm> Terms { get; } = Build();

    private static Dictionary<string, JsonLdTerm> Build()
    {
        var terms = new Dictionary<string, JsonLdTerm>(StringComparer.Ordinal)
        {
            ["id"] = new("@id"),
            ["type"] = new("@type"),
        };
        foreach (var (prefix, ns) in WellKnownPrefixes.All)
        {
            terms[prefix] = new JsonLdTerm(ns);
        }

        foreach (var (term, iri, isIri) in Names)
        {
            terms[term] = new JsonLdTerm(iri) { TypeMapping = isIri ? "@id" : null };
        }

        return terms;
    }
}
