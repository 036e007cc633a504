using Census.Exchange.Harvest.Rdf;

namespace Census.Exchange.Harvest;

/// <summary>
/// The <c>dcat:Dataset</c> nodes of an RDF graph, as <see cref="CatalogDataset"/>s. The order is the
/// catalogue's: the datasets its <c>dcat:dataset</c> statements list, then any other dataset of the document,
/// each in document order, so the Turtle and the JSON-LD of one catalogue give the same rows.
/// </summary>
public static class DcatCatalog
{
    private const string Schema = "http://schema.org/";
    private const string SchemaHttps = "https://schema.org/";
    private const string Time = "http://www.w3.org/2006/time#";

    public static IReadOnlyList<CatalogDataset> Datasets(RdfGraph graph)
    {
        var datasets = graph.SubjectsOfType(RdfNames.Dcat + "Dataset").ToHashSet();
        var ordered = graph.WithPredicate(RdfNames.Dcat + "dataset").Select(t => t.Value).Where(datasets.Contains)
            .Concat(graph.SubjectsOfType(RdfNames.Dcat + "Dataset"))
            .Distinct();
        return [.. ordered.Select(node => Dataset(graph, node))];
    }

    private static CatalogDataset Dataset(RdfGraph graph, RdfTerm node)
    {
        var distributions = graph.Objects(node, RdfNames.Dcat + "distribution").ToList();
        var temporal = graph.Objects(node, RdfNames.Dct + "temporal").ToList();
        return new CatalogDataset
        {
            Iri = node.IsIri ? node.Value : null,
            Identifier = graph.Objects(node, RdfNames.Dct + "identifier").Where(o => o.IsLiteral).Select(o => o.Value).FirstOrDefault(v => v.Trim().Length > 0),
            Title = PreferredText(graph.Objects(node, RdfNames.Dct + "title")),
            Description = PreferredText(graph.Objects(node, RdfNames.Dct + "description")),
            Keywords = [.. graph.Objects(node, RdfNames.Dcat + "keyword").Where(o => o.IsLiteral).Select(o => o.Value)],
            Themes = [.. graph.Objects(node, RdfNames.Dcat + "theme").SelectMany(theme => Names(graph, theme))],
            Licenses = [.. graph.Objects(node, RdfNames.Dct + "license")
                .Concat(distributions.SelectMany(d => graph.Objects(d, RdfNames.Dct + "license")))
                .SelectMany(licence => Licence(graph, licence))],
            Formats = [.. distributions.SelectMany(d => Format(graph, d))],
            Frequency = graph.Objects(node, RdfNames.Dct + "accrualPeriodicity").Select(o => o.Value).FirstOrDefault(),
            Modified = Modified(graph, node) ?? distributions.Select(d => Modified(graph, d)).MaxBy(m => CatalogDates.Parse(m)),
            TemporalStart = temporal.Select(t => Boundary(graph, t, "startDate", "hasBeginning")).FirstOrDefault(v => v is not null),
            TemporalEnd = temporal.Select(t => Boundary(graph, t, "endDate", "hasEnd")).FirstOrDefault(v => v is not null),
            Emails = [.. graph.Objects(node, RdfNames.Dcat + "contactPoint")
                .SelectMany(c => graph.Objects(c, RdfNames.Vcard + "hasEmail", RdfNames.Vcard + "email"))
                .Select(e => e.Value)],
        };
    }

    // A dataset without its own dct:modified was last updated when its newest distribution was.
    private static string? Modified(RdfGraph graph, RdfTerm node) =>
        graph.Objects(node, RdfNames.Dct + "modified").Where(o => o.IsLiteral).Select(o => o.Value).FirstOrDefault(m => CatalogDates.Parse(m) is not null);

    /// <summary>Korean first, then untagged, then English, then the first other language: the census is Korean.</summary>
    private static string? PreferredText(IEnumerable<RdfTerm> values)
    {
        var literals = values.Where(v => v.IsLiteral && v.Value.Trim().Length > 0).ToList();
        static string? Primary(RdfTerm t) => t.Language?.Split('-')[0];
        return (literals.FirstOrDefault(l => Primary(l) == "ko")
            ?? literals.FirstOrDefault(l => l.Language is null)
            ?? literals.FirstOrDefault(l => Primary(l) == "en")
            ?? literals.FirstOrDefault())?.Value.Trim();
    }

    // A theme is named by its IRI (EU data themes) or its labels (national category schemes, blank nodes).
    private static IEnumerable<string> Names(RdfGraph graph, RdfTerm theme)
    {
        if (!theme.IsLiteral)
        {
            if (theme.IsIri)
            {
                yield return theme.Value;
            }

            foreach (var label in graph.Objects(theme, RdfNames.Skos + "prefLabel", "http://www.w3.org/2000/01/rdf-schema#label").Where(l => l.IsLiteral))
            {
                yield return label.Value;
            }
        }
        else
        {
            yield return theme.Value;
        }
    }

    private static IEnumerable<string> Licence(RdfGraph graph, RdfTerm licence)
    {
        if (licence.IsIri || licence.IsLiteral)
        {
            yield return licence.Value;
        }

        if (!licence.IsLiteral)
        {
            foreach (var same in graph.Objects(licence, RdfNames.Skos + "exactMatch", RdfNames.Owl + "sameAs", RdfNames.Dct + "identifier"))
            {
                yield return same.Value;
            }
        }
    }

    private static IEnumerable<string> Format(RdfGraph graph, RdfTerm distribution)
    {
        var format = graph.Objects(distribution, RdfNames.Dct + "format").Select(f => f.Value).FirstOrDefault();
        var named = format ?? graph.Objects(distribution, RdfNames.Dcat + "mediaType", RdfNames.Dct + "mediaType").Select(m => m.Value).FirstOrDefault();
        return named is null ? [] : [named];
    }

    private static string? Boundary(RdfGraph graph, RdfTerm period, string dateProperty, string timeProperty)
    {
        var direct = graph.Objects(period, RdfNames.Dcat + dateProperty, Schema + dateProperty, SchemaHttps + dateProperty)
            .FirstOrDefault(o => o.IsLiteral);
        if (direct is not null)
        {
            return direct.Value;
        }

        return graph.Objects(period, Time + timeProperty)
            .SelectMany(instant => graph.Objects(instant, Time + "inXSDDate", Time + "inXSDDateTime", Time + "inXSDDateTimeStamp"))
            .Select(o => o.Value)
            .FirstOrDefault();
    }
}
