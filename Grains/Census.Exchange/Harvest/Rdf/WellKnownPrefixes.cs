namespace Census.Exchange.Harvest.Rdf;

/// <summary>
/// The namespaces catalogues use, by their customary prefix. The JSON-LD reader falls back on them for a
/// compact IRI whose prefix the document never defines (typically because its context is a URL, and
/// nothing is fetched at run time).
/// </summary>
public static class WellKnownPrefixes
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rdf"] = RdfNames.RdfNs,
        ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["xsd"] = RdfNames.Xsd,
        ["owl"] = RdfNames.Owl,
        ["dcat"] = RdfNames.Dcat,
        ["dct"] = RdfNames.Dct,
        ["dcterms"] = RdfNames.Dct,
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["dcatap"] = "http://data.europa.eu/r5r/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["vcard"] = RdfNames.Vcard,
        ["adms"] = "http://www.w3.org/ns/adms#",
        ["skos"] = RdfNames.Skos,
        ["schema"] = "http://schema.org/",
        ["locn"] = "http://www.w3.org/ns/locn#",
        ["prov"] = "http://www.w3.org/ns/prov#",
        ["spdx"] = "http://spdx.org/rdf/terms#",
        ["time"] = "http://www.w3.org/2006/time#",
        ["odrl"] = "http://www.w3.org/ns/odrl/2/",
        ["dqv"] = "http://www.w3.org/ns/dqv#",
        ["org"] = "http://www.w3.org/ns/org#",
    };
}
