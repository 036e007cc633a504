using System.Globalization;
using Census.Contracts.Catalogue;
using Census.Contracts.Provision;
using Census.Domain.Validation;
using Census.Exchange.Catalog.Rdf;
using static Census.Exchange.Catalog.Rdf.Vocabulary;

namespace Census.Exchange.Catalog;

/// <summary>
/// The public catalogue of released datasets as a DCAT-AP 3.0.1 graph: a dcat:Catalog published by the census authority,
/// one dcat:Dataset per released dataset (its page in the console is its IRI) with its licence, its access rights by
/// tier (open → PUBLIC; restricted and safe-zone-only → RESTRICTED) and one dcat:Distribution per file of each published
/// version, with its size and, where the file's extension is known, its EU file type and IANA media type. Like
/// <see cref="DcatCatalog"/>, every node the range and vocabulary shapes check carries its class and scheme.
/// </summary>
public static class DcatReleaseCatalog
{
    public static RdfGraph Build(IReadOnlyList<CatalogueEntry> entries, IReadOnlyDictionary<string, CatalogPublisher> publishers, CatalogOptions options)
    {
        var iris = new CatalogIris(options.BaseUrl);
        var graph = new RdfGraph();
        var catalog = new RdfIri(iris.ReleasedCatalogue());
        var authority = new RdfIri(iris.Authority());
        var modified = entries.Select(e => e.UpdatedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();

        graph.Add(catalog, RdfSyntax.Type, Dcat.Catalog)
            .Add(catalog, Dct.Title, RdfLiteral.Text("공공 AI 학습용 데이터 제공 목록", "ko"))
            .Add(catalog, Dct.Title, RdfLiteral.Text("Public AI training data: released datasets", "en"))
            .Add(catalog, Dct.Description, RdfLiteral.Text(
                $"전수조사에서 선정·가공되어 배포된 데이터셋 {entries.Count}건과 그 배포 버전, 이용 조건.", "ko"))
            .Add(catalog, Dct.Description, RdfLiteral.Text(
                $"The {entries.Count} datasets the census selected, processed and released, with their release versions and terms of access.", "en"))
            .Add(catalog, Dct.Publisher, authority)
            .Add(catalog, Dct.Modified, RdfLiteral.DateTime(modified))
            .Add(catalog, Dcat.ThemeTaxonomy, new RdfIri(EuVocabularies.DataThemeScheme));
        DcatCatalog.Agent(graph, authority, options.PublisherName, options.PublisherNameEn);
        graph.Add(new RdfIri(EuVocabularies.DataThemeScheme), RdfSyntax.Type, Skos.ConceptScheme)
            .Add(new RdfIri(EuVocabularies.DataThemeScheme), Dct.Title, RdfLiteral.Text("Data theme", "en"));

        foreach (var entry in entries)
        {
            var publisher = publishers.GetValueOrDefault(entry.InstitutionId) ?? new CatalogPublisher(entry.InstitutionName, null, entry.Sector, null);
            Dataset(graph, iris, catalog, entry, publisher);
        }

        return graph;
    }

    /// <summary>The EU access right of a release tier.</summary>
    public static EuVocabularies.Concept AccessRight(ReleaseTier tier) => tier switch
    {
        ReleaseTier.Open => new("PUBLIC", "public"),
        ReleaseTier.Restricted or ReleaseTier.SafeZoneOnly => new("RESTRICTED", "restricted"),
        ReleaseTier.NotProvidable => new("NON_PUBLIC", "non-public"),
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    private static void Dataset(RdfGraph graph, CatalogIris iris, RdfIri catalog, CatalogueEntry entry, CatalogPublisher publisherOf)
    {
        var iri = iris.ReleasedDataset(entry.InstitutionId, entry.DatasetId);
        var node = new RdfIri(iri);
        var publisher = new RdfIri(iris.Institution(entry.InstitutionId));
        var first = entry.Versions.Count > 0 ? entry.Versions.Min(v => v.PublishedAt) : entry.UpdatedAt;
        var last = entry.Versions.Count > 0 ? entry.Versions.Max(v => v.PublishedAt) : entry.UpdatedAt;

        graph.Add(catalog, Dcat.DatasetProperty, node)
            .Add(node, RdfSyntax.Type, Dcat.Dataset)
            .Add(node, Dct.Title, RdfLiteral.Text(entry.Title, "ko"))
            .Add(node, Dct.Description, RdfLiteral.Text(
                string.IsNullOrWhiteSpace(entry.Description) ? $"{entry.Title} ({Names.Of(entry.Modality)})" : entry.Description, "ko"))
            .Add(node, Dct.Identifier, new RdfLiteral(CatalogueKeys.Dataset(entry.InstitutionId, entry.DatasetId)))
            .Add(node, Dct.Publisher, publisher)
            .Add(node, Dct.Issued, RdfLiteral.DateTime(first))
            .Add(node, Dct.Modified, RdfLiteral.DateTime(last));
        DcatCatalog.Agent(graph, publisher, publisherOf.Name, publisherOf.NameEn);

        foreach (var theme in EuVocabularies.Themes(entry.Sector))
        {
            var concept = new RdfIri(EuVocabularies.DataThemeScheme + "/" + theme.Code);
            graph.Add(node, Dcat.Theme, concept);
            DcatCatalog.Concept(graph, concept, theme.Label, EuVocabularies.DataThemeScheme);
        }

        var (licenceIri, label) = EuVocabularies.LicenceOf(entry.License) is { } known
            ? (known.Iri, known.Label)
            : (iris.ProprietaryLicence(entry.InstitutionId), $"{Names.Of(entry.License)} terms of {publisherOf.Name}");
        var licence = new RdfIri(licenceIri);
        graph.Add(node, Dct.License, licence)
            .Add(licence, RdfSyntax.Type, Dct.LicenseDocument)
            .Add(licence, Rdfs.Label, new RdfLiteral(label));

        var access = AccessRight(entry.Tier);
        var accessNode = new RdfIri(EuVocabularies.AccessRightScheme + "/" + access.Code);
        graph.Add(node, Dct.AccessRights, accessNode).Add(accessNode, RdfSyntax.Type, Dct.RightsStatement);
        DcatCatalog.Concept(graph, accessNode, access.Label, EuVocabularies.AccessRightScheme);

        foreach (var version in entry.Versions)
        {
            for (var i = 0; i < version.Manifest.Count; i++)
            {
                Distribution(graph, node, iri, version, version.Manifest[i], i + 1);
            }
        }
    }

    private static void Distribution(RdfGraph graph, RdfIri dataset, string datasetIri, CatalogueVersion version, CatalogueFile file, int number)
    {
        var distribution = new RdfIri($"{datasetIri}#v{version.Version}-file-{number.ToString(CultureInfo.InvariantCulture)}");

        // The files download under a grant only (provision.md §2): the access URL is the dataset's public page, which
        // says what a requester must do at this tier; the licence is the dataset's.
        graph.Add(dataset, Dcat.DistributionProperty, distribution)
            .Add(distribution, RdfSyntax.Type, Dcat.Distribution)
            .Add(distribution, Dct.Title, new RdfLiteral($"{version.Version} {file.Path}"))
            .Add(distribution, Dcat.AccessUrl, new RdfIri(datasetIri))
            .Add(distribution, Dct.Issued, RdfLiteral.DateTime(version.PublishedAt))
            .Add(distribution, Dcat.ByteSize, RdfLiteral.NonNegativeInteger(file.Bytes));
        var extension = Path.GetExtension(file.Path);
        if ((extension.Length > 1 ? FileFormats.Find(extension) : null) is not { } known)
        {
            return;
        }

        if (known.FileType is { } code)
        {
            var fileType = new RdfIri(FileFormats.FileTypeIri(code));
            graph.Add(distribution, Dct.Format, fileType).Add(fileType, RdfSyntax.Type, Dct.MediaTypeOrExtent);
            DcatCatalog.Concept(graph, fileType, code, FileFormats.FileTypeScheme);
        }

        if (known.MediaType is { } mediaType)
        {
            var media = new RdfIri(FileFormats.MediaTypeIri(mediaType));
            graph.Add(distribution, Dcat.MediaType, media).Add(media, RdfSyntax.Type, Dct.MediaTypeClass);
        }
    }
}
